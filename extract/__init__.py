"""extract: the document's metadata, citations, indices, PAPI areas and tasks."""
