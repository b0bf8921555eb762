"""Every user-visible Vietnamese text, by key, with named placeholders: the reference catalogue.

Data only: each module holds a ``MESSAGES`` dict; the one lookup is :func:`messages.t`.
"""
