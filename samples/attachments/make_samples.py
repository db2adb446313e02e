#!/usr/bin/env python3
"""Makes the attachment samples from the valid UBL and CII samples: a tiny PDF (a delivery note) and a 1x1 PNG
(a photo of the delivery), embedded as base64 with their mimeCode and filename. Run from the repository root:
python3 samples/attachments/make_samples.py"""
import base64, struct, zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "samples" / "attachments"

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x80\x00")) \
        + chunk(b"IEND", b"")


def b64(data):
    return base64.b64encode(data).decode("ascii")


UBL_DOCS = f"""  <cac:AdditionalDocumentReference>
    <cbc:ID>BL-2026-1103</cbc:ID>
    <cbc:DocumentDescription>Bon de livraison signé</cbc:DocumentDescription>
    <cac:Attachment>
      <cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="bon-de-livraison-BL-2026-1103.pdf">{b64(PDF)}</cbc:EmbeddedDocumentBinaryObject>
    </cac:Attachment>
  </cac:AdditionalDocumentReference>
  <cac:AdditionalDocumentReference>
    <cbc:ID>PHOTO-1</cbc:ID>
    <cbc:DocumentDescription>Photo du poste installé</cbc:DocumentDescription>
    <cac:Attachment>
      <cbc:EmbeddedDocumentBinaryObject mimeCode="image/png" filename="poste-installe.png">{b64(png())}</cbc:EmbeddedDocumentBinaryObject>
    </cac:Attachment>
  </cac:AdditionalDocumentReference>
"""

CII_DOCS = f"""      <ram:AdditionalReferencedDocument>
        <ram:IssuerAssignedID>BL-2026-1107</ram:IssuerAssignedID>
        <ram:TypeCode>916</ram:TypeCode>
        <ram:Name>Bon de livraison signé</ram:Name>
        <ram:AttachmentBinaryObject mimeCode="application/pdf" filename="bon-de-livraison-BL-2026-1107.pdf">{b64(PDF)}</ram:AttachmentBinaryObject>
      </ram:AdditionalReferencedDocument>
"""


def main():
    ubl = (ROOT / "samples/ubl/invoice-valid.xml").read_text(encoding="utf-8")
    ubl = ubl.replace("<cbc:ID>FA-2026-000123</cbc:ID>", "<cbc:ID>FA-2026-000131</cbc:ID>", 1)
    ubl = ubl.replace("  <cac:AccountingSupplierParty>", UBL_DOCS + "  <cac:AccountingSupplierParty>", 1)
    ubl = ubl.replace("a French commune (B2G, Chorus Pro E1).", "a French commune, with a delivery note (PDF) and a photo (PNG) attached.", 1)
    (OUT / "ubl-invoice-with-attachments.xml").write_text(ubl, encoding="utf-8")
    cii = (ROOT / "samples/cii/invoice-valid.xml").read_text(encoding="utf-8")
    cii = cii.replace("<ram:ID>FA-2026-000124</ram:ID>", "<ram:ID>FA-2026-000132</ram:ID>", 1)
    cii = cii.replace("    </ram:ApplicableHeaderTradeAgreement>", CII_DOCS + "    </ram:ApplicableHeaderTradeAgreement>", 1)
    cii = cii.replace("a French commune (B2G, Chorus Pro E1).", "a French commune, with a delivery note (PDF) attached.", 1)
    (OUT / "cii-invoice-with-attachments.xml").write_text(cii, encoding="utf-8")


if __name__ == "__main__":
    main()
