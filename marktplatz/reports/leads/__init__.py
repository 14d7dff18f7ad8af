"""The designers' lead list: traders ranked by need, what to offer them, and how to reach them."""
