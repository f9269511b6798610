"""The built-in corpus: its manifest and the texts it names."""
