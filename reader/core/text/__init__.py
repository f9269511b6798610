"""Reading texts: decoding, paragraphs and their kinds, sentences, search, terminal display."""
