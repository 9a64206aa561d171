"""placeholder"""
def main() -> None:
    print("vanban")
