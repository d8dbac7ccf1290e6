"""Keys, signatures, encryption and the versioned file formats. Qt-free."""
