"""speech2image: real-time speech to pictures.

Importing the package needs only the core (NumPy and the standard library); models and
heavy libraries load inside the stages that use them.
"""

__version__ = "0.1.0"
