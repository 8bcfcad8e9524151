"""Excel forms (填报表) for units that do not write YAML: made by `kxplan template`, read back
by `kxplan import`.

Only `build` and `read` import openpyxl; the commands import those two lazily, so that
`kxplan check` never pays for openpyxl.
"""
