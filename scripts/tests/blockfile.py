#!/usr/bin/env python3
"""Finds and changes one byte of a block in a peer's block files (the peer's own storage format,
Fabric's common/ledger/blkstorage: each block a varint length and then the block's number, data
hash, previous hash, envelopes and metadata, each field a varint or length-prefixed bytes).

  blockfile.py locate CHAIN_DIR BLOCK   prints "FILE OFFSET" of the middle byte of the block's first
                                        envelope (CHAIN_DIR holds blockfile_000000, ...)
  blockfile.py flip FILE OFFSET         flips the lowest bit of that byte (run it twice to undo)
"""
import os
import sys


def varint(buf, pos):
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def skip_bytes(buf, pos):
    length, pos = varint(buf, pos)
    return pos + length


def locate(chain_dir, wanted):
    files = sorted(f for f in os.listdir(chain_dir) if f.startswith("blockfile_"))
    for name in files:
        path = os.path.join(chain_dir, name)
        with open(path, "rb") as f:
            buf = f.read()
        pos = 0
        while pos < len(buf):
            length, start = varint(buf, pos)
            number, p = varint(buf, start)
            if number == wanted:
                p = skip_bytes(buf, p)  # data hash
                p = skip_bytes(buf, p)  # previous hash
                count, p = varint(buf, p)
                if count == 0:
                    sys.exit(f"block {wanted} holds no envelope")
                envelope_length, p = varint(buf, p)
                return path, p + envelope_length // 2
            pos = start + length
    sys.exit(f"block {wanted} is not in {chain_dir}")


def flip(path, offset):
    with open(path, "r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0x01]))


def main(argv):
    if len(argv) == 4 and argv[1] == "locate":
        path, offset = locate(argv[2], int(argv[3]))
        print(path, offset)
    elif len(argv) == 4 and argv[1] == "flip":
        flip(argv[2], int(argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
