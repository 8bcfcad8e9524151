"""Reading the plan and the data files, and checking them."""
