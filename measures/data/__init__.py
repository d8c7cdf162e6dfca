"""Files shipped with the package: the fontconfig set-up and the LibreOffice Basic library used by measures.pdf."""
