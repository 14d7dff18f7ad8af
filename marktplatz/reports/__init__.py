"""Read-only outputs: the listings feed, health export, weekly report, lead list and change log."""
