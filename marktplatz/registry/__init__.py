"""Trader registry input: reading the city's CSV/XLSX lists and normalising what people typed into them."""
