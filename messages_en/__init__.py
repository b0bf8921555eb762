"""Every user-visible English text, by key, with the same named placeholders as the Vietnamese reference.

Data only: each module holds a ``MESSAGES`` dict; the one lookup is :func:`messages.t`.
"""
