"""What survives translation: numbers, dates, names, glossary terms, posts, words."""
