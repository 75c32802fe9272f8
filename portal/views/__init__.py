"""Public pages of the portal, split by area (one module per section of the site)."""
