"""The templates shipped with the package: reference.docx holds the look of the documents
(styles, page size and margins, headers and footers). A project restyles its documents with
its own templates/reference.docx; the structure and wording come from measures/layout/."""
