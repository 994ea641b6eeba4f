"""relbook: a desktop relationship book for salespeople."""

__version__ = "0.1.0"
