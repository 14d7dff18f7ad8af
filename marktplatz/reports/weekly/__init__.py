"""The weekly German report for Stadtmarketing: figures, charts, tables, and a CSV beside each table."""
