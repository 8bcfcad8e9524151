"""The data repository: scaffolding, JSON Schema, git revisions."""
