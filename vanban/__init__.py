"""vanban: Vietnamese directives in, a task database out."""

__version__ = "0.1.0"
