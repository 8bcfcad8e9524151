"""The command line: the typer application, its options and one module per command."""
