"""Click commands: options, calls into the library, printing. No business logic here."""
