#!/usr/bin/env python3
"""Makes the forged and expired identities of the attack matrix (scripts/tests/attacks_test.sh).

Usage:
  forge_identity.py unknown-ca OUT_DIR MSP_ID NAME ATTRS_JSON
      A new self-signed CA (its key thrown away) issues NAME a certificate that looks like one of
      MSP_ID's clients: O=MSP_ID, OU=client, CN=NAME and Fabric CA's attribute extension holding
      ATTRS_JSON (e.g. {"role":"issuer","doctypes":"BIRTH_CERTIFICATE"}). Writes OUT_DIR/cert.pem
      and OUT_DIR/key.pem, a wallet entry.
  forge_identity.py expired CERT KEY CA_CERT CA_KEY_DIR OUT_DIR
      The organisation's own CA (its certificate CA_CERT, its key the one in CA_KEY_DIR that matches)
      signs CERT again - same subject, public key and extensions - valid from the CA's own start
      until a minute ago.
      Writes OUT_DIR/cert.pem and a copy of KEY as OUT_DIR/key.pem.

Needs the cryptography package (Debian's python3-cryptography).
"""
import datetime
import json
import os
import shutil
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

# Fabric CA puts a certificate's attributes under this extension, as JSON {"attrs": {...}}.
FABRIC_ATTRS_OID = x509.ObjectIdentifier("1.2.3.4.5.6.7.8.1")


def write_pem(path, data, private=False):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def unknown_ca(out_dir, msp, name, attrs_json):
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, msp),
                         x509.NameAttribute(NameOID.COMMON_NAME, "ca." + msp.lower())])
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, msp),
                         x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "client"),
                         x509.NameAttribute(NameOID.COMMON_NAME, name)])
    attrs = {"attrs": dict(json.loads(attrs_json), **{"hf.EnrollmentID": name, "hf.Type": "client"})}
    cert = (x509.CertificateBuilder()
            .subject_name(subject).issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False, crl_sign=False,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.UnrecognizedExtension(FABRIC_ATTRS_OID,
                                                      json.dumps(attrs, separators=(",", ":")).encode()),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    os.makedirs(out_dir, exist_ok=True)
    write_pem(os.path.join(out_dir, "cert.pem"), cert.public_bytes(serialization.Encoding.PEM))
    write_pem(os.path.join(out_dir, "key.pem"),
              key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()), private=True)


def matching_key(ca_cert, key_dir):
    wanted = ca_cert.public_key().public_numbers()
    for entry in sorted(os.listdir(key_dir)):
        path = os.path.join(key_dir, entry)
        try:
            with open(path, "rb") as f:
                key = serialization.load_pem_private_key(f.read(), password=None)
        except (ValueError, TypeError):
            continue
        if isinstance(key, ec.EllipticCurvePrivateKey) and key.public_key().public_numbers() == wanted:
            return key
    sys.exit(f"no key in {key_dir} matches the CA's certificate")


def expired(cert_file, key_file, ca_cert_file, ca_key_dir, out_dir):
    with open(cert_file, "rb") as f:
        template = x509.load_pem_x509_certificate(f.read())
    with open(ca_cert_file, "rb") as f:
        ca_cert = x509.load_pem_x509_certificate(f.read())
    ca_key = matching_key(ca_cert, ca_key_dir)
    # Valid while the CA was (so only the end has passed): from the CA's start to a minute ago.
    ca_start = getattr(ca_cert, "not_valid_before_utc", None) or ca_cert.not_valid_before.replace(
        tzinfo=datetime.timezone.utc)  # cryptography < 42
    start = ca_start + datetime.timedelta(seconds=1)
    end = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=1)
    if end <= start:
        sys.exit("the CA is younger than a minute: no expired certificate fits in its validity yet")
    builder = (x509.CertificateBuilder()
               .subject_name(template.subject).issuer_name(ca_cert.subject)
               .public_key(template.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(start).not_valid_after(end))
    for extension in template.extensions:
        builder = builder.add_extension(extension.value, critical=extension.critical)
    cert = builder.sign(ca_key, hashes.SHA256())
    os.makedirs(out_dir, exist_ok=True)
    write_pem(os.path.join(out_dir, "cert.pem"), cert.public_bytes(serialization.Encoding.PEM))
    shutil.copyfile(key_file, os.path.join(out_dir, "key.pem"))
    os.chmod(os.path.join(out_dir, "key.pem"), 0o600)


def main(argv):
    if len(argv) == 6 and argv[1] == "unknown-ca":
        unknown_ca(*argv[2:])
    elif len(argv) == 7 and argv[1] == "expired":
        expired(*argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
