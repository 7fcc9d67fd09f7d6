"""Reading documents: the PDF viewer, its thumbnails and search."""
