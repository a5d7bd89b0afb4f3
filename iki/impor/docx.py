"""A Word document (.docx), read with python-docx: paragraphs and tables in body order."""
