#!/usr/bin/env python3
"""Rebuilds WenmingKaiSubset-Regular.ttf, the certificate font bundled so that a fresh machine
needs no font package (docs/adr/0009-certificate-pdf.md).

Needs python3-fonttools and the Debian package fonts-lxgw-wenkai (the source font, OFL 1.1).
Keeps ASCII, Latin-1, general and CJK punctuation, symbols (★), full-width forms, every GB2312
hanzi and a few frequent name characters outside GB2312. OFL 1.1 §3: a subset is a modified
version, so it must not carry the Reserved Font Names "霞鹜" and "LXGW": it is renamed.
"""
import subprocess, sys
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
OUT = "WenmingKaiSubset-Regular.ttf"

chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for lo, hi in [(0x20, 0x7F), (0xA0, 0x100), (0x2000, 0x2070), (0x2100, 0x2200), (0x2460, 0x2500),
               (0x25A0, 0x2700), (0x3000, 0x3040), (0xFF00, 0xFFF0)]:
    chars.update(chr(c) for c in range(lo, hi))
chars.update("喆琍堃珺昇赟旻玥婧琇犇淼垚鑫燊頔禕祎昕晔炜玮瑄瑾璟翀翃瀚珅珩琨琦珈瑀瑭璇骞彧妤婕姝娉")
with open("/tmp/wenming-subset-chars.txt", "w", encoding="utf-8") as f:
    f.write("".join(sorted(chars)))

subprocess.run([sys.executable, "-m", "fontTools.subset", SOURCE, "--text-file=/tmp/wenming-subset-chars.txt",
                "--output-file=" + OUT, "--layout-features=*", "--no-hinting", "--name-IDs=*", "--name-languages=*"], check=True)

font = TTFont(OUT)
names = {1: "Wenming Kai Subset", 2: "Regular", 3: "WenmingKaiSubset-Regular;1.250", 4: "Wenming Kai Subset Regular",
         6: "WenmingKaiSubset-Regular", 16: "Wenming Kai Subset", 17: "Regular"}
for record in font["name"].names:
    if record.nameID in names:
        record.string = names[record.nameID]
font.save(OUT)
