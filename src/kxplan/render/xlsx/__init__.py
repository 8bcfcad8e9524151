"""Excel workbooks of check, report and review.

Every module here imports openpyxl at its top, so nothing outside this package may import
one of them at module level: `kxplan.cli.output` users import them inside the function that
writes a `.xlsx` file, and `kxplan check` without `-o` never loads openpyxl.
"""
