"""annobib: an annotated-bibliography manager for footnoted, multilingual articles."""

__version__ = "0.1.0"
