"""What a citation key may hold: the one rule ``validate`` (E104) and ``import`` share.

BibTeX ends a key at white space, ``,`` or a brace; in ``\\cite{…}`` TeX reads ``%`` as a comment,
``#``, ``~``, ``$``, ``&`` and ``^`` as special characters (``g^^5cinput`` is ``g\\input``: TeX's
``^^`` notation), ``\\`` as a command; ``"``, ``'``, ``=``, ``(`` and ``)`` break other tools'
readers. A key with any of them is refused by ``validate`` and replaced by ``import``.
"""

from __future__ import annotations

import re

KEY_UNSAFE = re.compile(r"[\s,{}()\"#%'=\\~^$&]")
