"""The centre's console (Qt) and the centre-manager command line."""
