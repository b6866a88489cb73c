"""Shared low-level pieces: files, locks, the output sanitizer."""
