"""Qt widgets and models; they call reader.core and never hold domain logic."""
