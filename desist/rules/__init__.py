"""Practice rules as plain Python: no Django imports, each module cites its sources.

Every rule here is a pure function over dataclasses, so it can be read, tested
exhaustively and reused by any area of Desist (pages, API, nightly jobs).
"""
