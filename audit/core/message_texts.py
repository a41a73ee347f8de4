"""The texts of audit/core/messages.py: per code, English and Dutch side by side (data, no logic).

A placeholder is filled with the parameter the code is made with; a parameter that is itself a
message is rendered in the same language. Keep both texts of a code together, with the same
placeholders (tests/test_messages.py checks it).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- joining messages ---------------------------------------------------------------
    "text.semicolon": {"en": "{first}; {then}", "nl": "{first}; {then}"},

    # --- erp: values in rows --------------------------------------------------------------
    "erp.bad_value": {
        "en": "'{value}' is not {expected}{hint}; the row is left out of the checks",
        "nl": "'{value}' is geen {expected}{hint}; de rij blijft buiten de controles"},
    "erp.empty_required": {
        "en": "empty; {field} is required; the row is left out of the checks",
        "nl": "leeg; {field} is verplicht; de rij blijft buiten de controles"},
    "erp.more_bad_values": {
        "en": "{more} more rows with a bad '{column}' left out of the checks",
        "nl": "nog {more} rijen met een ongeldige '{column}' buiten de controles gelaten"},
    "erp.expected_int": {"en": "a whole number", "nl": "geheel getal"},
    "erp.expected_decimal": {"en": "a number", "nl": "getal"},
    "erp.expected_date": {"en": "a date", "nl": "datum"},
    "erp.expected_bool": {"en": "yes/no (map it under values:)",
                          "nl": "ja/nee (vertaal de waarden onder values:)"},
    "erp.expected_kind": {
        "en": "invoice or credit_note (map the ERP's values under values:)",
        "nl": "invoice of credit_note (vertaal de waarden van het ERP onder values:)"},
    "erp.expected_str": {"en": "a value", "nl": "waarde"},
    "erp.hint_decimal": {
        "en": " (written with decimal '{other}'; this dataset has decimal: '{decimal}')",
        "nl": " (geschreven met decimaalteken '{other}'; deze dataset heeft decimal: "
              "'{decimal}')"},
    "erp.hint_currency": {
        "en": " (an amount in another currency: money is compared in EUR only)",
        "nl": " (een bedrag in een andere valuta: bedragen worden alleen in EUR vergeleken)"},
    "erp.days_from_codes": {
        "en": "the {field} column holds conditions written as codes or with their unit, read as "
              "days: {codes}; where a code means other days, translate it under values: "
              "{{{field}: {{CODE: DAYS}}}}",
        "nl": "de kolom {field} bevat voorwaarden als code of met hun eenheid, gelezen als "
              "dagen: {codes}; betekent een code andere dagen, vertaal hem onder values: "
              "{{{field}: {{CODE: DAGEN}}}}"},
    "erp.blank_yes_no": {
        "en": "the column holds only {values} and blanks, never a no: a blank is read as not "
              "recorded; if a blank means no, map it: values: {{{field}: {{'': false}}}}",
        "nl": "de kolom bevat alleen {values} en lege cellen, nooit een nee: leeg wordt gelezen "
              "als niet vastgelegd; betekent leeg nee, vertaal het dan: values: "
              "{{{field}: {{'': false}}}}"},
    "erp.hint_decimal_or_thousands": {
        "en": " ('{mark}' may be the decimal or the thousands separator: set decimal: '{mark}' "
              "or thousands: '{mark}' as the ERP writes it)",
        "nl": " ('{mark}' kan het decimaalteken of het scheidingsteken voor duizendtallen zijn: "
              "zet decimal: '{mark}' of thousands: '{mark}', zoals het ERP het schrijft)"},
    "erp.hint_date_format": {
        "en": " (it reads with date_format {formats}: set that format for this dataset)",
        "nl": " (het leest met date_format {formats}: zet dat formaat voor deze dataset)"},
    "erp.hint_date_order": {
        "en": " (it reads as '{format}': day and month the other way round)",
        "nl": " (het leest als '{format}': dag en maand andersom)"},
    "erp.row_not_eur": {
        "en": "money in {currency}, not EUR (amounts are compared in EUR only); the row is left "
              "out of the checks",
        "nl": "bedrag in {currency}, niet in EUR (bedragen worden alleen in EUR vergeleken); de "
              "rij blijft buiten de controles"},
    "erp.more_rows_not_eur": {
        "en": "{more} more rows in another currency than EUR left out of the checks",
        "nl": "nog {more} rijen in een andere valuta dan EUR buiten de controles gelaten"},
    "erp.money_not_eur": {
        "en": "the dataset's money is in {currency} (currency: {currency}); amounts are compared "
              "in EUR only",
        "nl": "de bedragen van de dataset zijn in {currency} (currency: {currency}); bedragen "
              "worden alleen in EUR vergeleken"},
    "erp.date_order": {
        "en": "date_format '{format}' does not fit the data: '{example}' and {others} other dates "
              "read only as '{swapped}', none only as '{format}' (the other dates would be read "
              "with day and month swapped): set date_format: '{swapped}'",
        "nl": "date_format '{format}' past niet bij de gegevens: '{example}' en {others} andere "
              "datums lezen alleen als '{swapped}', geen enkele alleen als '{format}' (de andere "
              "datums zouden met dag en maand verwisseld gelezen worden): zet date_format: "
              "'{swapped}'"},
    "erp.column_not_used": {"en": "{reason}; the column is not used",
                            "nl": "{reason}; de kolom wordt niet gebruikt"},

    # --- erp: duplicates and references ---------------------------------------------------
    "erp.row": {"en": "row {row}", "nl": "rij {row}"},
    "erp.file_row": {"en": "{file} row {row}", "nl": "{file} rij {row}"},
    "erp.a_row": {"en": "row", "nl": "rij"},
    "erp.same_row": {
        "en": "the same row as {there}; the row is left out of the checks",
        "nl": "dezelfde rij als {there}; de rij blijft buiten de controles"},
    "erp.duplicate_row": {
        "en": "duplicate {key}, first on {there} with other values; the row is left out of the "
              "checks",
        "nl": "dubbele {key}, eerst op {there} met andere waarden; de rij blijft buiten de "
              "controles"},
    "erp.more_duplicates": {
        "en": "{more} more duplicate rows (by '{column}') left out of the checks",
        "nl": "nog {more} dubbele rijen (op '{column}') buiten de controles gelaten"},
    "erp.derived_export": {
        "en": "{repeats} of {rows} rows repeat a '{column}' of an earlier row: the export looks "
              "derived from transaction rows; each {key} is taken once (set distinct: true to "
              "take the repeats silently)",
        "nl": "{repeats} van {rows} rijen herhalen een '{column}' van een eerdere rij: de export "
              "lijkt afgeleid van transactieregels; elke {key} wordt één keer genomen (zet "
              "distinct: true om de herhalingen zonder melding over te slaan)"},
    "erp.order": {"en": "order", "nl": "order"},
    "erp.customer": {"en": "customer", "nl": "klant"},
    "erp.the_customer_master": {"en": "the customer master", "nl": "de klantenlijst"},
    "erp.the_price_list": {"en": "the price list", "nl": "de prijslijst"},
    "erp.the_order_lines": {"en": "the order lines", "nl": "de orderregels"},
    "erp.the_deliveries": {"en": "the deliveries", "nl": "de leveringen"},
    "erp.the_invoices": {"en": "the invoices", "nl": "de facturen"},
    "erp.id_leading_zeros": {
        "en": "{rows} row(s) name a {what} without the leading zeros {target} writes ('{value}' "
              "is '{id}' there: the export holds the ids as numbers?); matched to {target}'s "
              "ids",
        "nl": "{rows} rij(en) noemen een {what} zonder de voorloopnullen van {target} ('{value}' "
              "is daar '{id}': staan de nummers als getal in de export?); gekoppeld aan de "
              "nummers van {target}"},
    "erp.unknown_reference": {
        "en": "{what} '{value}' is not in {target}; {consequence}",
        "nl": "{what} '{value}' staat niet in {target}; {consequence}"},
    "erp.more_unknown_references": {
        "en": "{more} more rows whose {what} is not in {target} (kept)",
        "nl": "nog {more} rijen waarvan de {what} niet in {target} staat (behouden)"},
    "erp.ref_kept_no_lead_time": {
        "en": "the delivery is kept, but its lead time cannot be checked",
        "nl": "de levering blijft staan, maar de levertijd kan niet worden gecontroleerd"},
    "erp.ref_invoice_kept": {"en": "the invoice is kept", "nl": "de factuur blijft staan"},
    "erp.ref_kept_no_master": {
        "en": "the row is kept; the customer's master data is unknown",
        "nl": "de rij blijft staan; de stamgegevens van de klant zijn onbekend"},
    "erp.delivery_other_customer": {
        "en": "the delivery is for customer '{customer}' but its order '{order}' is for "
              "'{order_customer}'; the row is kept",
        "nl": "de levering is voor klant '{customer}', maar de order '{order}' is voor "
              "'{order_customer}'; de rij blijft staan"},
    "erp.more_deliveries_other_customer": {
        "en": "{more} more deliveries for another customer than their order's (kept)",
        "nl": "nog {more} leveringen voor een andere klant dan die van hun order (behouden)"},

    # --- erp: datasets --------------------------------------------------------------------
    "erp.dataset_not_configured": {
        "en": "dataset '{dataset}' is not configured; the checks that need it are skipped",
        "nl": "dataset '{dataset}' is niet ingesteld; de controles die hem nodig hebben vervallen"},
    "erp.dataset_unusable": {
        "en": "{reason}; the checks that need {datasets} are skipped",
        "nl": "{reason}; de controles die {datasets} nodig hebben vervallen"},
    "erp.checks_skipped": {
        "en": "the checks that need {datasets} are skipped",
        "nl": "de controles die {datasets} nodig hebben vervallen"},
    "erp.in_datasets": {"en": "{problem} (datasets {datasets})",
                        "nl": "{problem} (datasets {datasets})"},
    "erp.header_no_rows": {"en": "the export has a header but no rows",
                           "nl": "de export heeft een kopregel maar geen rijen"},
    "erp.dataset_no_source": {
        "en": "dataset '{dataset}' has no path, query or sql",
        "nl": "dataset '{dataset}' heeft geen path, query of sql"},
    "erp.missing_columns": {
        "en": "required column(s) missing: {names}; the file has {found}{hint}",
        "nl": "verplichte kolom(men) ontbreken: {names}; het bestand heeft {found}{hint}"},
    "erp.no_columns": {"en": "no columns", "nl": "geen kolommen"},
    "erp.hint_separator": {
        "en": " ({columns} columns split by '{separator}'; it looks '{looks}'-separated: set "
              "separator: '{looks}')",
        "nl": " ({columns} kolommen gesplitst op '{separator}'; het lijkt gescheiden door "
              "'{looks}': zet separator: '{looks}')"},
    "erp.hint_separator_one": {
        "en": " ({columns} column split by '{separator}'; it looks '{looks}'-separated: set "
              "separator: '{looks}')",
        "nl": " ({columns} kolom gesplitst op '{separator}'; het lijkt gescheiden door "
              "'{looks}': zet separator: '{looks}')"},
    "erp.hint_fixed_width": {
        "en": " (its {columns} columns are aligned with spaces: a fixed-width report, which is "
              "not read; export it with a separator: ; , tab or |)",
        "nl": " (de {columns} kolommen staan uitgelijnd met spaties: een rapport met vaste "
              "kolombreedte, dat niet gelezen wordt; exporteer met een scheidingsteken: ; , tab "
              "of |)"},
    "erp.hint_close_names": {"en": "; {names}", "nl": "; {names}"},
    "erp.may_be": {"en": "'{actual}' may be '{wanted}' (map it under columns:)",
                   "nl": "'{actual}' is misschien '{wanted}' (koppel het onder columns:)"},

    "erp.export_too_big": {
        "en": "the export is {size} MB, above limits.export_max_mb ({limit} MB), so it was not "
              "read (split the export, or raise the limit if the machine has the memory); the "
              "checks that need {datasets} are skipped",
        "nl": "de export is {size} MB, boven limits.export_max_mb ({limit} MB), en is daarom "
              "niet gelezen (splits de export, of verhoog de grens als de computer het geheugen "
              "heeft); de controles die {datasets} nodig hebben vervallen"},
    "erp.no_invoices": {
        "en": "no invoices export is configured: the customers in scope are ranked by "
              "order-line value (quantity × unit price) instead of invoiced revenue",
        "nl": "er is geen facturenexport ingesteld: de klanten in de audit zijn gerangschikt op "
              "orderwaarde (aantal × stukprijs) in plaats van gefactureerde omzet"},

    # --- erp: files -----------------------------------------------------------------------
    "erp.no_file_matches": {"en": "no export file matches '{path}'",
                            "nl": "geen exportbestand past bij '{path}'"},
    "erp.file_not_found": {"en": "export file not found: {path}",
                           "nl": "exportbestand niet gevonden: {path}"},
    "erp.file_empty": {"en": "the file is empty ({size} bytes): export it again",
                       "nl": "het bestand is leeg ({size} bytes): exporteer het opnieuw"},
    "erp.file_blank": {"en": "the file is empty ({size} bytes, blank): export it again",
                       "nl": "het bestand is leeg ({size} bytes, alleen witruimte): exporteer "
                             "het opnieuw"},
    "erp.separator_length": {"en": "separator must be one character, got '{separator}'",
                             "nl": "separator moet één teken zijn, niet '{separator}'"},
    "erp.not_this_layout": {
        "en": "{bad} of {lines} lines do not split into the header's {fields} fields with "
              "separator '{separator}': not this export's layout, or not an export at all",
        "nl": "{bad} van {lines} regels splitsen niet in de {fields} velden van de kopregel met "
              "separator '{separator}': niet de indeling van deze export, of helemaal geen "
              "export"},
    "erp.more_bad_records": {
        "en": "{more} more rows with another number of fields than the header left out of the "
              "checks",
        "nl": "nog {more} rijen met een ander aantal velden dan de kopregel buiten de controles "
              "gelaten"},
    "erp.bad_record": {
        "en": "{fields} fields where the header has {expected}{hint}: '{text}'; the row is left "
              "out of the checks",
        "nl": "{fields} velden waar de kopregel er {expected} heeft{hint}: '{text}'; de rij "
              "blijft buiten de controles"},
    "erp.hint_unquoted": {
        "en": " (a '{separator}' inside a value that is not quoted?)",
        "nl": " (een '{separator}' in een waarde zonder aanhalingstekens?)"},
    "erp.hint_cut_off": {
        "en": " (the file ends in the middle of this row: cut off while exporting or copying?)",
        "nl": " (het bestand eindigt midden in deze rij: afgebroken bij het exporteren of "
              "kopiëren?)"},
    "erp.totals_line": {
        "en": "a totals row ('{text}': a number without an id), no record; the line is skipped",
        "nl": "een totaalregel ('{text}': een getal zonder id), geen record; de regel wordt "
              "overgeslagen"},
    "erp.text_line": {
        "en": "a line of text between the records ('{text}': a title or page footer?), no "
              "record; the line is skipped",
        "nl": "een regel tekst tussen de records ('{text}': een titel of paginavoet?), geen "
              "record; de regel wordt overgeslagen"},
    "erp.more_non_records": {
        "en": "{more} more totals rows or lines of text skipped",
        "nl": "nog {more} totaalregels of regels tekst overgeslagen"},
    "erp.hint_empty_columns": {
        "en": " (the header ends in {columns} column(s) without a name this row leaves out: "
              "remove the trailing separators of the header, or export without empty columns)",
        "nl": " (de kopregel eindigt in {columns} kolom(men) zonder naam die deze rij weglaat: "
              "haal de scheidingstekens aan het eind van de kopregel weg, of exporteer zonder "
              "lege kolommen)"},
    "erp.header_repeats": {
        "en": "the header repeats here (files joined together?); the line is skipped",
        "nl": "de kopregel staat hier nog eens (bestanden samengevoegd?); de regel wordt "
              "overgeslagen"},
    "erp.header_repeats_more": {
        "en": "the header repeats on {more} more lines (skipped)",
        "nl": "de kopregel staat op nog {more} regels (overgeslagen)"},
    "erp.not_encoding": {
        "en": "the file is not {encoding} text (byte {byte}, row {row}){suggest}",
        "nl": "het bestand is geen {encoding}-tekst (byte {byte}, rij {row}){suggest}"},
    "erp.try_encoding": {"en": "; try encoding: {encoding} (detected)",
                         "nl": "; probeer encoding: {encoding} (herkend)"},
    "erp.encoding_unknown": {
        "en": "cannot tell the file's text encoding (set encoding:, e.g. cp1252)",
        "nl": "de tekencodering van het bestand is niet te bepalen (zet encoding:, bijv. "
              "cp1252)"},
    "erp.encoding_guessed": {
        "en": "no encoding set: read as {encoding} (detected); set encoding: {encoding} to be "
              "sure",
        "nl": "geen encoding ingesteld: gelezen als {encoding} (herkend); zet encoding: "
              "{encoding} om zeker te zijn"},
    "erp.encoding_no_such": {
        "en": "unknown encoding '{encoding}' (try utf-8, cp1252 or utf-16)",
        "nl": "onbekende encoding '{encoding}' (probeer utf-8, cp1252 of utf-16)"},
    "erp.not_csv": {"en": "the file is not a CSV text export: it is {what}",
                    "nl": "het bestand is geen CSV-tekstexport: het is {what}"},
    "erp.magic_zip": {"en": "a zip archive (an xlsx workbook? set format: xlsx)",
                      "nl": "een zip-archief (een xlsx-werkmap? zet format: xlsx)"},
    "erp.magic_empty_zip": {"en": "an empty zip archive", "nl": "een leeg zip-archief"},
    "erp.magic_pdf": {"en": "a PDF document", "nl": "een PDF-document"},
    "erp.magic_xls": {
        "en": "an old Excel (.xls) or Office file (save it as .xlsx or .csv)",
        "nl": "een oud Excel- (.xls) of Office-bestand (sla het op als .xlsx of .csv)"},
    "erp.magic_gzip": {"en": "a gzip archive (unpack it first)",
                       "nl": "een gzip-archief (pak het eerst uit)"},
    "erp.utf16_no_bom": {
        "en": "the file looks like UTF-16 text without a byte-order mark: set encoding: "
              "{encoding}",
        "nl": "het bestand lijkt UTF-16-tekst zonder byte-order mark: zet encoding: {encoding}"},
    "erp.control_characters": {
        "en": "the file is not a text export: {control} of its first {size} bytes are control "
              "characters (binary data or a damaged file)",
        "nl": "het bestand is geen tekstexport: {control} van de eerste {size} bytes zijn "
              "stuurtekens (binaire gegevens of een beschadigd bestand)"},
    "erp.cannot_read_export": {"en": "cannot read the export: {error}",
                               "nl": "de export is niet te lezen: {error}"},
    "erp.cannot_read_workbook": {"en": "cannot read the workbook: {reason}",
                                 "nl": "de werkmap is niet te lezen: {reason}"},
    "erp.not_xlsx": {
        "en": "it is not an xlsx file (not a zip archive; a CSV or an old .xls saved under this "
              "name? set format: csv, or save it as .xlsx)",
        "nl": "het is geen xlsx-bestand (geen zip-archief; een CSV of een oud .xls onder deze "
              "naam opgeslagen? zet format: csv, of sla het op als .xlsx)"},
    "erp.other_files": {"en": "{n} other file(s)", "nl": "{n} andere bestand(en)"},
    "erp.nothing": {"en": "nothing", "nl": "niets"},
    "erp.zip_no_workbook": {
        "en": "the zip archive holds no workbook (xl/workbook.xml missing; it holds {held})",
        "nl": "het zip-archief bevat geen werkmap (xl/workbook.xml ontbreekt; het bevat "
              "{held})"},
    "erp.workbook_damaged": {"en": "the workbook is damaged: {error}",
                             "nl": "de werkmap is beschadigd: {error}"},
    "erp.sheet_not_found": {"en": "sheet {sheet} not found; the workbook has {sheets}",
                            "nl": "werkblad {sheet} niet gevonden; de werkmap heeft {sheets}"},
    "erp.query_needs_url": {
        "en": "an SQL query needs a database: set url (or erp.url)",
        "nl": "een SQL-query heeft een database nodig: zet url (of erp.url)"},
    "erp.bad_database_url": {
        "en": "cannot use the database URL (is its driver installed?): {error}",
        "nl": "de database-URL is niet te gebruiken (is de driver geïnstalleerd?): {error}"},
    "erp.query_failed": {"en": "the query failed: {error}", "nl": "de query is mislukt: {error}"},
    "erp.no_duckdb": {"en": "sql: needs DuckDB, which is not installed ({install})",
                      "nl": "sql: vraagt DuckDB, dat niet is geïnstalleerd ({install})"},
    "erp.sql_failed": {"en": "the sql failed: {error}", "nl": "de sql is mislukt: {error}"},

    # --- contracts: reading -----------------------------------------------------------------
    "contracts.file_empty": {"en": "the file is empty (0 bytes); export the contract again",
                             "nl": "het bestand is leeg (0 bytes); exporteer het contract "
                                   "opnieuw"},
    "contracts.cannot_open": {"en": "cannot open file: {reason}",
                              "nl": "het bestand is niet te openen: {reason}"},
    "contracts.no_text": {
        "en": "no readable text in the document (scanned without OCR, or empty); no agreements "
              "were read from it",
        "nl": "geen leesbare tekst in het document (gescand zonder OCR, of leeg); er zijn geen "
              "afspraken uit gelezen"},
    "contracts.no_pages": {"en": "the PDF has no pages", "nl": "de PDF heeft geen pagina's"},
    "contracts.max_pages": {
        "en": "the document has {pages} pages; only the first {max_pages} were read (max_pages)",
        "nl": "het document heeft {pages} pagina's; alleen de eerste {max_pages} zijn gelezen "
              "(max_pages)"},
    "contracts.password": {
        "en": "the PDF is password-protected; save an unprotected copy",
        "nl": "de PDF is beveiligd met een wachtwoord; sla een onbeveiligde kopie op"},
    "contracts.damaged": {"en": "the PDF is damaged or not a PDF ({reason})",
                          "nl": "de PDF is beschadigd of geen PDF ({reason})"},
    "contracts.ocr_off": {"en": "OCR is switched off", "nl": "OCR staat uit"},
    "contracts.no_tesseract": {
        "en": "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-nld)",
        "nl": "Tesseract is niet geïnstalleerd (apt-get install tesseract-ocr "
              "tesseract-ocr-nld)"},
    "contracts.tesseract_fails": {"en": "Tesseract does not run: {error}",
                                  "nl": "Tesseract werkt niet: {error}"},
    "contracts.tesseract_languages": {
        "en": "Tesseract lacks the language data {missing} (tesseract-ocr-nld/-eng)",
        "nl": "Tesseract mist de taalgegevens {missing} (tesseract-ocr-nld/-eng)"},
    "contracts.no_text_layer": {
        "en": "page has no text layer (a scanned image?) and cannot be read: {why}",
        "nl": "de pagina heeft geen tekstlaag (een gescande afbeelding?) en is niet te lezen: "
              "{why}"},
    "contracts.ocr_unsure": {
        "en": "page has no text layer and OCR could not read it reliably (confidence "
              "{confidence} < {minimum}); the page was not read",
        "nl": "de pagina heeft geen tekstlaag en OCR kon haar niet betrouwbaar lezen "
              "(zekerheid {confidence} < {minimum}); de pagina is niet gelezen"},
    "contracts.read_by_ocr": {
        "en": "page read by OCR (confidence {confidence}); its agreements are marked as "
              "OCR-sourced, with lower confidence",
        "nl": "pagina gelezen met OCR (zekerheid {confidence}); de afspraken erop zijn "
              "gemarkeerd als uit OCR, met lagere zekerheid"},
    "contracts.reading_memory": {
        "en": "reading needed more than the {memory} MB a reader may use and was stopped; the "
              "document was skipped (a decompression bomb or a huge image? raise "
              "limits.reader_memory_mb if it is a real contract)",
        "nl": "het lezen had meer nodig dan de {memory} MB die een lezer mag gebruiken en is "
              "gestopt; het document is overgeslagen (een decompressiebom of een enorme "
              "afbeelding? verhoog limits.reader_memory_mb als het een echt contract is)"},
    "contracts.reading_failed": {"en": "reading failed: {error}",
                                 "nl": "het lezen is mislukt: {error}"},
    "contracts.reading_crashed": {
        "en": "reading crashed{cap}; the document was skipped",
        "nl": "het lezen is vastgelopen{cap}; het document is overgeslagen"},
    "contracts.perhaps_memory": {"en": " (perhaps out of its {memory} MB of memory)",
                                 "nl": " (misschien door zijn {memory} MB geheugen heen)"},
    "contracts.reading_timeout": {
        "en": "reading took longer than {seconds} s and was stopped; the document was skipped "
              "(raise reading.seconds_per_document)",
        "nl": "het lezen duurde langer dan {seconds} s en is gestopt; het document is "
              "overgeslagen (verhoog reading.seconds_per_document)"},

    # --- contracts: structure and agreements --------------------------------------------------
    "contracts.agreements_read": {"en": "; {n} agreements read", "nl": "; {n} afspraken gelezen"},
    "contracts.no_headings": {
        "en": "structure not recognised on pages {pages} (no headings found; read as "
              "{paragraphs} paragraphs){read}",
        "nl": "structuur niet herkend op pagina's {pages} (geen koppen gevonden; gelezen als "
              "{paragraphs} alinea's){read}"},
    "contracts.pages_unstructured": {
        "en": "structure not recognised on pages {pages}{read}",
        "nl": "structuur niet herkend op pagina's {pages}{read}"},
    "contracts.long_clause": {
        "en": "clause {article} is {length} characters long: it may hold several clauses read "
              "as one",
        "nl": "bepaling {article} is {length} tekens lang: er kunnen meerdere bepalingen als "
              "één gelezen zijn"},
    "contracts.no_agreements": {
        "en": "0 agreements read from {clauses} clauses ({headings} headings); check the "
              "document or the rules",
        "nl": "0 afspraken gelezen uit {clauses} bepalingen ({headings} koppen); controleer "
              "het document of de regels"},
    "contracts.agreements_dropped": {
        "en": "{before} -> {now} agreements than in the previous run; {lost} (was the PDF "
              "replaced or re-scanned? check `contract-audit terms`)",
        "nl": "{before} -> {now} afspraken ten opzichte van de vorige run; {lost} (is de PDF "
              "vervangen of opnieuw gescand? bekijk `contract-audit terms`)"},
    "contracts.fewer": {"en": "{rule} {n} fewer", "nl": "{rule} {n} minder"},
    "contracts.unread_change": {
        "en": "this later document states {rule} from {day}, but its value could not be read; "
              "the earlier term ({file}, article {article}) is kept after that date — check "
              "the clause and correct the term in the overrides file",
        "nl": "dit latere document noemt {rule} vanaf {day}, maar de waarde was niet te "
              "lezen; de eerdere afspraak ({file}, artikel {article}) blijft na die datum "
              "gelden — controleer de bepaling en corrigeer de afspraak in het "
              "correctiebestand (overrides)"},
    "contracts.no_contract_linked": {
        "en": "customer {customer} is in scope but no contract was linked to it; its agreements "
              "are not audited",
        "nl": "klant {customer} hoort bij de audit, maar er is geen contract aan gekoppeld; de "
              "afspraken worden niet gecontroleerd"},

    # --- contracts: linking -----------------------------------------------------------------
    "contracts.none_found": {"en": "none found", "nl": "geen gevonden"},
    "contracts.not_a_pdf": {
        "en": "not read: only PDFs are (a Word file, scan image, email or archive: save or "
              "print it as PDF into the contracts folder)",
        "nl": "niet gelezen: alleen pdf's worden gelezen (een Word-bestand, scan, e-mail of "
              "archief: sla het op of druk het af als pdf in de contractenmap)"},
    "contracts.subfolder_not_read": {
        "en": "{count} PDF(s) in this subfolder are not read: only the PDFs directly in the "
              "contracts folder are; move them there to audit them",
        "nl": "{count} pdf-bestand(en) in deze submap worden niet gelezen: alleen de pdf's "
              "direct in de contractenmap; zet ze daar om ze te controleren"},
    "contracts.same_content": {
        "en": "the same file as {first} (identical content): read once, as {first}; remove "
              "the copy from the contracts folder",
        "nl": "hetzelfde bestand als {first} (identieke inhoud): één keer gelezen, als {first}; "
              "haal de kopie uit de contractenmap"},
    "contracts.amendment_no_date": {
        "en": "the amendment states no effective date and no date of signing was found; its "
              "terms apply to the whole look-back and end none of the earlier ones — give them "
              "a valid_from in the overrides file",
        "nl": "de wijziging noemt geen ingangsdatum en er is geen datum van ondertekening "
              "gevonden; de afspraken gelden voor de hele terugkijkperiode en beëindigen geen "
              "eerdere — geef ze een valid_from in het correctiebestand (overrides)"},
    "contracts.cannot_link": {
        "en": "cannot link the document to a customer (KvK numbers on the title page: {kvks}; "
              "no customer name or address matched); its agreements are not audited — add it "
              "to the index file (reading.index_file)",
        "nl": "het document is aan geen klant te koppelen (KvK-nummers op de titelpagina: "
              "{kvks}; geen klantnaam of adres kwam overeen); de afspraken worden niet "
              "gecontroleerd — zet het in het indexbestand (reading.index_file)"},
    "contracts.cannot_link_amendment": {
        "en": "cannot link the amendment to a customer (KvK numbers on the title page: {kvks}; "
              "no customer name or address matched); its agreements are not audited — add it "
              "to the index file (reading.index_file); no linked base contract has a contract "
              "reference it names ({refs})",
        "nl": "de wijziging is aan geen klant te koppelen (KvK-nummers op de titelpagina: "
              "{kvks}; geen klantnaam of adres kwam overeen); de afspraken worden niet "
              "gecontroleerd — zet haar in het indexbestand (reading.index_file); geen "
              "gekoppeld basiscontract heeft een contractreferentie die zij noemt ({refs})"},
    "contracts.no_base_named": {
        "en": "{problem}; no linked base contract has a contract reference it names ({refs})",
        "nl": "{problem}; geen gekoppeld basiscontract heeft een contractreferentie die zij "
              "noemt ({refs})"},
    "contracts.no_customer_master": {"en": "cannot link: no customer master loaded",
                                     "nl": "niet te koppelen: geen klantenlijst geladen"},
    "contracts.amendment_other_customer": {
        "en": "the amendment names the contract {base} of customer {base_customer}, but its "
              "parties link it to customer {customer}; kept {customer} — check which is right",
        "nl": "de wijziging noemt het contract {base} van klant {base_customer}, maar de "
              "partijen koppelen haar aan klant {customer}; {customer} aangehouden — controleer "
              "wat juist is"},

    # --- checks -----------------------------------------------------------------------------
    "checks.no_check": {
        "en": "rule '{rule}' has no check yet; its terms are listed but not checked",
        "nl": "afspraak '{rule}' heeft nog geen controle; de afspraken worden getoond maar niet "
              "gecontroleerd"},
    "checks.registered_no_dataset": {
        "en": "registered check of '{rule}' skipped: dataset(s) {datasets} not loaded",
        "nl": "registratiecontrole van '{rule}' overgeslagen: dataset(s) {datasets} niet "
              "geladen"},
    "checks.executed_no_dataset": {
        "en": "executed check of '{rule}' skipped: dataset(s) {datasets} not loaded",
        "nl": "uitvoeringscontrole van '{rule}' overgeslagen: dataset(s) {datasets} niet "
              "geladen"},
    "checks.registered_no_field": {
        "en": "registered check of '{rule}' skipped: the {dataset} export has no field "
              "'{field}' (map it under erp: in config.yaml)",
        "nl": "registratiecontrole van '{rule}' overgeslagen: de export {dataset} heeft geen "
              "veld '{field}' (koppel het onder erp: in config.yaml)"},
    "checks.executed_no_field": {
        "en": "executed check of '{rule}' skipped: the {dataset} export has no field "
              "'{field}' (map it under erp: in config.yaml)",
        "nl": "uitvoeringscontrole van '{rule}' overgeslagen: de export {dataset} heeft geen "
              "veld '{field}' (koppel het onder erp: in config.yaml)"},
    "checks.registered_lacking": {
        "en": "registered check of '{rule}' skipped: the export has no {fields} (map it under "
              "erp: in config.yaml)",
        "nl": "registratiecontrole van '{rule}' overgeslagen: de export heeft geen {fields} "
              "(koppel het onder erp: in config.yaml)"},
    "checks.executed_lacking": {
        "en": "executed check of '{rule}' skipped: the export has no {fields} (map it under "
              "erp: in config.yaml)",
        "nl": "uitvoeringscontrole van '{rule}' overgeslagen: de export heeft geen {fields} "
              "(koppel het onder erp: in config.yaml)"},
    "checks.failed": {"en": "check {check} failed for {customer}: {error}",
                      "nl": "controle {check} is mislukt voor {customer}: {error}"},

    # --- owners -----------------------------------------------------------------------------
    "owners.no_email": {"en": "owner '{name}' ({role}) has no email address",
                        "nl": "eigenaar '{name}' ({role}) heeft geen e-mailadres"},
    "owners.manager_not_listed": {
        "en": "account manager '{name}' of customer {customer} is not listed under people: in "
              "config.yaml",
        "nl": "accountmanager '{name}' van klant {customer} staat niet onder people: in "
              "config.yaml"},
    "owners.role_not_listed": {
        "en": "role '{role}' is not listed under owners: in config.yaml",
        "nl": "rol '{role}' staat niet onder owners: in config.yaml"},
    "owners.not_emailed": {
        "en": "{what}; the deviations of {rule} for customers {customer} are in the report but "
              "not emailed",
        "nl": "{what}; de afwijkingen van {rule} voor klanten {customer} staan in het rapport "
              "maar worden niet gemaild"},

    # --- notify -----------------------------------------------------------------------------
    "notify.no_password": {
        "en": "smtp.username is set but the environment variable {variable} is not; set it to "
              "the mail server password",
        "nl": "smtp.username is ingesteld maar de omgevingsvariabele {variable} niet; zet daarin "
              "het wachtwoord van de mailserver"},
    "notify.cannot_connect": {"en": "could not connect to the mail server {server}",
                              "nl": "geen verbinding met de mailserver {server}"},
    "notify.starttls_failed": {
        "en": "STARTTLS with {server} failed (the server must offer it for a login)",
        "nl": "STARTTLS met {server} is mislukt (de server moet het aanbieden voor een login)"},
    "notify.cannot_log_in": {"en": "could not log in to {server} as {user}",
                             "nl": "inloggen op {server} als {user} is mislukt"},
    "notify.step_failed": {"en": "{step}: {error}", "nl": "{step}: {error}"},
    "notify.not_sent": {"en": "email not sent; {reason}",
                        "nl": "e-mail niet verzonden; {reason}"},
    "notify.connection_lost": {
        "en": "lost the connection to the mail server {server}: {error}",
        "nl": "de verbinding met de mailserver {server} is verbroken: {error}"},
    "notify.refused": {"en": "email refused by {server}: {refusals}",
                       "nl": "e-mail geweigerd door {server}: {refusals}"},
    "notify.not_recorded": {
        "en": "could not record the email to {email} as sent: {error}",
        "nl": "de e-mail aan {email} kon niet als verzonden worden vastgelegd: {error}"},
    "notify.sent_but": {"en": "sent, but {reason}", "nl": "verzonden, maar {reason}"},
    "notify.cannot_read_email": {"en": "cannot read the email: {error}",
                                 "nl": "de e-mail is niet te lezen: {error}"},
    "notify.none_sent": {"en": "no email was sent: {reason}",
                         "nl": "er is geen e-mail verzonden: {reason}"},
    "notify.waiting": {
        "en": "{n} email(s) could not be sent and wait in the outbox; deliver them with "
              "`contract-audit send --period {period}` once the mail server is back",
        "nl": "{n} e-mail(s) konden niet worden verzonden en wachten in de outbox; verstuur ze "
              "met `contract-audit send --period {period}` zodra de mailserver weer werkt"},

    # --- store ------------------------------------------------------------------------------
    "store.interrupted": {
        "en": "{n} earlier run(s) had been interrupted (the process died); they are recorded as "
              "interrupted",
        "nl": "{n} eerdere run(s) waren onderbroken (het proces is gestopt); ze zijn als "
              "onderbroken vastgelegd"},

    # --- the send command's lines -----------------------------------------------------------
    "send.dry_run_left": {
        "en": "{folder}: {n} email(s) of a dry run left alone (run the audit without --dry-run "
              "to send)",
        "nl": "{folder}: {n} e-mail(s) van een proefrun niet verstuurd (draai de audit zonder "
              "--dry-run om te versturen)"},
    "send.nothing": {"en": "{folder}: nothing to send", "nl": "{folder}: niets te versturen"},
    "send.summary": {
        "en": "{folder}: {sent} sent, {skipped} already sent before, {failed} not sent (still in "
              "the outbox)",
        "nl": "{folder}: {sent} verstuurd, {skipped} al eerder verstuurd, {failed} niet "
              "verstuurd (nog in de outbox)"},
    "send.error": {"en": "  error: {problem}", "nl": "  fout: {problem}"},
    "send.lost": {
        "en": "  error: {recipient}: the email of {period} was queued but its file {file} is "
              "missing; run the audit of {period} again to rebuild and send it",
        "nl": "  fout: {recipient}: de e-mail van {period} stond klaar, maar het bestand {file} "
              "ontbreekt; draai de audit van {period} opnieuw om hem opnieuw te maken en te "
              "versturen"},
}
