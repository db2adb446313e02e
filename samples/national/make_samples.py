#!/usr/bin/env python3
"""Writes the national-rule samples from three generated base invoices (InvoiceGenerator, seed 42, 2 lines).

Each sample changes one thing in a base invoice; expected.csv says which national codes it must give and the
outcome of the national check (VALID: no fatal national finding). A sample is named after its real outcome
through the whole pipeline (XSD, EN 16931, national rules): ok- is accepted, ko- refused (NationalSamplesTest
checks both). Run from this folder: python3 make_samples.py (the files are committed)."""
import csv, pathlib

here = pathlib.Path(__file__).parent
ubl = (here / "base" / "ubl-invoice.xml").read_text(encoding="utf-8")
cn = (here / "base" / "ubl-credit-note.xml").read_text(encoding="utf-8")
cii = (here / "base" / "cii-invoice.xml").read_text(encoding="utf-8")

BUYER = '<cac:PartyIdentification><cbc:ID schemeID="0009">11000201100044</cbc:ID></cac:PartyIdentification>\n      <cac:PostalAddress><cbc:StreetName>1 place'
SUPPLIER = '<cac:PartyIdentification><cbc:ID schemeID="0009">73282932000074</cbc:ID></cac:PartyIdentification>'
CII_BUYER = '<ram:SpecifiedLegalOrganization><ram:ID schemeID="0009">11000201100044</ram:ID></ram:SpecifiedLegalOrganization><ram:PostalTradeAddress><ram:PostcodeCode>75003'
BILLING = '  <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>FA-2026-0001</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>\n'


# 100 characters each, accents counted as one (Chorus counts characters, not bytes)
BUYER_NAME_100 = ("Établissement public départemental de coopération intercommunale des écoles et collèges — "
                  + "Bellerive")[:100].ljust(100, "x")
SUPPLIER_NAME_100 = ("Société coopérative ouvrière de production des fournitures de bureau, d'informatique et de "
                     + "mobilier")[:100].ljust(100, "x")


def one(text, old, new):
    assert text.count(old) == 1, old
    return text.replace(old, new)


def buyer_id(scheme, value):
    return one(ubl, BUYER, BUYER.replace('schemeID="0009">11000201100044', f'schemeID="{scheme}">{value}'))


samples = [
    # file, rule, national check outcome, expected national codes, content
    ("ok-ubl-invoice.xml", "*", "valid", "", ubl),
    ("ok-cii-invoice.xml", "*", "valid", "", cii),
    ("ok-ubl-credit-note.xml", "NAT_AVOIR_SANS_FACTURE_ORIGINE", "valid", "", cn),
    ("ko-siret-acheteur-absent.xml", "NAT_SIRET_ACHETEUR_ABSENT", "invalid", "NAT_SIRET_ACHETEUR_ABSENT",
     one(ubl, BUYER, '<cac:PostalAddress><cbc:StreetName>1 place')),
    ("ko-siret-acheteur-absent-cii.xml", "NAT_SIRET_ACHETEUR_ABSENT", "invalid", "NAT_SIRET_ACHETEUR_ABSENT",
     one(cii, CII_BUYER, '<ram:PostalTradeAddress><ram:PostcodeCode>75003')),
    ("ko-siret-acheteur-schema.xml", "NAT_SIRET_ACHETEUR_SCHEMA", "invalid", "NAT_SIRET_ACHETEUR_SCHEMA",
     buyer_id("0088", "11000201100044")),
    # the legacy Chorus scheme 1: EN 16931 BR-CL-10 refuses it first, and so do we (ADR 0008)
    ("ko-siret-acheteur-schema-ancien.xml", "NAT_SIRET_ACHETEUR_SCHEMA_ANCIEN", "invalid",
     "NAT_SIRET_ACHETEUR_SCHEMA_ANCIEN", buyer_id("1", "11000201100044")),
    ("ko-siret-acheteur-format.xml", "NAT_SIRET_ACHETEUR_FORMAT", "invalid", "NAT_SIRET_ACHETEUR_FORMAT",
     buyer_id("0009", "1100020110004")),
    ("ko-siret-acheteur-cle.xml", "NAT_SIRET_ACHETEUR_CLE", "invalid", "NAT_SIRET_ACHETEUR_CLE",
     buyer_id("0009", "11000201100045")),
    ("ko-siret-acheteur-cle-cii.xml", "NAT_SIRET_ACHETEUR_CLE", "invalid", "NAT_SIRET_ACHETEUR_CLE",
     one(cii, CII_BUYER, CII_BUYER.replace("11000201100044", "11000201100045"))),
    ("ok-siret-acheteur-la-poste.xml", "NAT_SIRET_ACHETEUR_CLE", "valid", "", buyer_id("0009", "35600000049837")),
    ("ko-fournisseur-id-absent.xml", "NAT_FOURNISSEUR_ID_ABSENT", "invalid", "NAT_FOURNISSEUR_ID_ABSENT",
     one(one(ubl, SUPPLIER + "\n", ""), '<cbc:CompanyID schemeID="0002">732829320</cbc:CompanyID>', "")),
    ("ko-fournisseur-id-type.xml", "NAT_FOURNISSEUR_ID_TYPE", "invalid", "NAT_FOURNISSEUR_ID_TYPE",
     one(ubl, SUPPLIER, SUPPLIER.replace('schemeID="0009">73282932000074', 'schemeID="0088">3012345678901'))),
    ("ok-fournisseur-id-type-ue.xml", "NAT_FOURNISSEUR_ID_TYPE", "valid", "",
     one(ubl, SUPPLIER, SUPPLIER.replace('schemeID="0009">73282932000074', 'schemeID="0223">DE123456789'))),
    ("ko-fournisseur-siret-invalide.xml", "NAT_FOURNISSEUR_SIRET_INVALIDE", "invalid", "NAT_FOURNISSEUR_SIRET_INVALIDE",
     one(ubl, SUPPLIER, SUPPLIER.replace("73282932000074", "73282932000075"))),
    ("ko-numero-facture-long.xml", "NAT_NUMERO_FACTURE_LONG", "invalid", "NAT_NUMERO_FACTURE_LONG",
     one(ubl, "<cbc:ID>FA-42-2</cbc:ID>", "<cbc:ID>FA-2026-0000000000042</cbc:ID>")),
    ("ok-numero-facture-20.xml", "NAT_NUMERO_FACTURE_LONG", "valid", "",
     one(ubl, "<cbc:ID>FA-42-2</cbc:ID>", "<cbc:ID>FA-2026-000000000042</cbc:ID>")),
    ("ko-type-facture-751.xml", "NAT_TYPE_FACTURE_REFUSE", "invalid", "NAT_TYPE_FACTURE_REFUSE",
     one(ubl, "<cbc:InvoiceTypeCode>380<", "<cbc:InvoiceTypeCode>751<")),
    ("ko-type-facture-261.xml", "NAT_TYPE_FACTURE_REFUSE", "invalid", "NAT_TYPE_FACTURE_REFUSE",
     one(cn, "<cbc:CreditNoteTypeCode>381<", "<cbc:CreditNoteTypeCode>261<")),
    ("ok-type-facture-386.xml", "NAT_TYPE_FACTURE_REFUSE", "valid", "",
     one(ubl, "<cbc:InvoiceTypeCode>380<", "<cbc:InvoiceTypeCode>386<")),
    ("ko-devise-multiple.xml", "NAT_DEVISE_MULTIPLE", "invalid", "NAT_DEVISE_MULTIPLE",
     one(one(ubl, "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>\n",
             "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>\n  <cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>\n"),
         "  </cac:TaxTotal>\n", "  </cac:TaxTotal>\n  <cac:TaxTotal><cbc:TaxAmount currencyID=\"USD\">1187.21</cbc:TaxAmount></cac:TaxTotal>\n")),
    ("ko-montant-decimales.xml", "NAT_MONTANT_DECIMALES", "invalid", "NAT_MONTANT_DECIMALES",
     one(ubl, '<cbc:ChargeTotalAmount currencyID="EUR">15.00<', '<cbc:ChargeTotalAmount currencyID="EUR">15.000<')),
    ("ok-prix-unitaire-4-decimales.xml", "NAT_MONTANT_DECIMALES", "valid", "",
     one(ubl, '<cbc:PriceAmount currencyID="EUR">428.63<', '<cbc:PriceAmount currencyID="EUR">428.6300<')),
    ("ko-cadre-inconnu.xml", "NAT_CADRE_INCONNU", "invalid", "NAT_CADRE_INCONNU",
     one(ubl, "<cbc:ProfileID>A1<", "<cbc:ProfileID>A11<")),
    ("ok-cadre-a9.xml", "NAT_CADRE_INCONNU", "valid", "", one(ubl, "<cbc:ProfileID>A1<", "<cbc:ProfileID>A9<")),
    ("ok-cadre-absent.xml", "NAT_CADRE_INCONNU", "valid", "", one(ubl, "  <cbc:ProfileID>A1</cbc:ProfileID>\n", "")),
    ("ok-avoir-sans-facture-origine.xml", "NAT_AVOIR_SANS_FACTURE_ORIGINE", "valid", "NAT_AVOIR_SANS_FACTURE_ORIGINE",
     one(cn, BILLING, "")),
    ("ko-rectificative-sans-facture-origine.xml", "NAT_RECTIFICATIVE_SANS_FACTURE_ORIGINE", "invalid",
     "NAT_RECTIFICATIVE_SANS_FACTURE_ORIGINE", one(ubl, "<cbc:InvoiceTypeCode>380<", "<cbc:InvoiceTypeCode>384<")),
    ("ok-rectificative-avec-facture-origine.xml", "NAT_RECTIFICATIVE_SANS_FACTURE_ORIGINE", "valid", "",
     one(one(ubl, "<cbc:InvoiceTypeCode>380<", "<cbc:InvoiceTypeCode>384<"),
         "  <cac:AccountingSupplierParty>", BILLING + "  <cac:AccountingSupplierParty>")),
    ("ko-facture-origine-longue.xml", "NAT_FACTURE_ORIGINE_LONGUE", "invalid", "NAT_FACTURE_ORIGINE_LONGUE",
     one(cn, "<cbc:ID>FA-2026-0001</cbc:ID>", "<cbc:ID>FA-2026-0000000000001</cbc:ID>")),
    ("ko-code-service-long.xml", "NAT_CODE_SERVICE_LONG", "invalid", "NAT_CODE_SERVICE_LONG",
     one(ubl, "<cbc:BuyerReference>SERVICE-ACHATS<", "<cbc:BuyerReference>" + "S" * 101 + "<")),
    ("ok-code-service-100.xml", "NAT_CODE_SERVICE_LONG", "valid", "",
     one(ubl, "<cbc:BuyerReference>SERVICE-ACHATS<", "<cbc:BuyerReference>" + "S" * 100 + "<")),
    ("ko-engagement-long.xml", "NAT_ENGAGEMENT_LONG", "invalid", "NAT_ENGAGEMENT_LONG",
     one(ubl, "<cbc:ID>EJ-2026-0042</cbc:ID>", "<cbc:ID>" + "E" * 51 + "</cbc:ID>")),
    ("ok-engagement-50.xml", "NAT_ENGAGEMENT_LONG", "valid", "",
     one(ubl, "<cbc:ID>EJ-2026-0042</cbc:ID>", "<cbc:ID>" + "E" * 50 + "</cbc:ID>")),
    # issue date after the deposit date: 2099 is after any day these samples will be deposited
    ("ko-date-emission-future.xml", "NAT_DATE_EMISSION_FUTURE", "invalid", "NAT_DATE_EMISSION_FUTURE",
     one(ubl, "<cbc:IssueDate>2026-11-02<", "<cbc:IssueDate>2099-12-31<")),
    ("ko-date-emission-future-cii.xml", "NAT_DATE_EMISSION_FUTURE", "invalid", "NAT_DATE_EMISSION_FUTURE",
     one(cii, 'format="102">20261102<', 'format="102">20991231<')),
    ("ok-date-emission-passee.xml", "NAT_DATE_EMISSION_FUTURE", "valid", "",
     one(ubl, "<cbc:IssueDate>2026-11-02<", "<cbc:IssueDate>2026-01-15<")),
    ("ko-nom-acheteur-long.xml", "NAT_NOM_ACHETEUR_LONG", "invalid", "NAT_NOM_ACHETEUR_LONG",
     one(ubl, "<cbc:RegistrationName>Ministère de l'Exemple<", "<cbc:RegistrationName>" + BUYER_NAME_100 + "<")),
    ("ko-nom-acheteur-long-cii.xml", "NAT_NOM_ACHETEUR_LONG", "invalid", "NAT_NOM_ACHETEUR_LONG",
     one(cii, "<ram:Name>Ministère de l'Exemple<", "<ram:Name>" + BUYER_NAME_100 + "<")),
    ("ok-nom-acheteur-99.xml", "NAT_NOM_ACHETEUR_LONG", "valid", "",
     one(ubl, "<cbc:RegistrationName>Ministère de l'Exemple<", "<cbc:RegistrationName>" + BUYER_NAME_100[:99] + "<")),
    ("ko-nom-fournisseur-long.xml", "NAT_NOM_FOURNISSEUR_LONG", "invalid", "NAT_NOM_FOURNISSEUR_LONG",
     one(ubl, "<cbc:RegistrationName>Fournitures Exemple SARL<", "<cbc:RegistrationName>" + SUPPLIER_NAME_100 + "<")),
    ("ok-nom-fournisseur-99.xml", "NAT_NOM_FOURNISSEUR_LONG", "valid", "",
     one(ubl, "<cbc:RegistrationName>Fournitures Exemple SARL<", "<cbc:RegistrationName>" + SUPPLIER_NAME_100[:99] + "<")),
]

with open(here / "expected.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["file", "rule", "national_outcome", "national_codes"])
    for name, rule, verdict, codes, content in samples:
        (here / name).write_text(content, encoding="utf-8")
        writer.writerow([name, rule, verdict.upper(), codes])
