"""YAML read safely with positions, slips found, comments kept, data files written."""
