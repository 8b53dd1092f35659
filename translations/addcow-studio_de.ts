<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddCow::AboutDialog</name>
    <message>
        <location filename="../app/aboutdialog.cpp" line="+28" />
        <source>About AddCow Studio</source>
        <translation>Über AddCow Studio</translation>
    </message>
    <message>
        <location line="+7" />
        <source>AddCow Studio icon</source>
        <translation>AddCow-Studio-Symbol</translation>
    </message>
    <message>
        <location line="+5" />
        <source>AddCow Studio %1</source>
        <translation>AddCow Studio %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Inspect, check and edit add-cow disk images: the header with every rule it breaks, the copy-on-write bitmap as a map, and the backing file, the image file and the virtual disk side by side. The addcow command-line tool does the same without a window.</source>
        <translation>add-cow-Disk-Images untersuchen, prüfen und bearbeiten: der Header mit jeder Regel, die er verletzt, die Copy-on-Write-Bitmap als Karte und Backing-Datei, Image-Datei und virtuelle Disk nebeneinander. Das Befehlszeilenwerkzeug addcow kann dasselbe ohne Fenster.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>License: GNU General Public License, version 2 or later (GPL-2.0-or-later).</source>
        <translation>Lizenz: GNU General Public License, Version 2 oder neuer (GPL-2.0-or-later).</translation>
    </message>
</context>
<context>
    <name>AddCow::CommitDialog</name>
    <message>
        <location filename="../app/commitdialog.cpp" line="+28" />
        <source>Commit to Raw</source>
        <translation>Commit in die Raw-Datei</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;Copy every cluster the image file does not have yet from the backing file into the image file.&lt;/b&gt;&lt;br&gt;Afterwards the raw image file alone is the whole disk (R19); the virtual disk reads the same before, during and after.</source>
        <translation>&lt;b&gt;Jeden Cluster, den die Image-Datei noch nicht hat, aus der Backing-Datei in die Image-Datei kopieren.&lt;/b&gt;&lt;br&gt;Danach ist die Raw-Image-Datei allein die ganze Disk (R19); die virtuelle Disk liest sich davor, währenddessen und danach gleich.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Raw image file (written):</source>
        <translation>Raw-Image-Datei (wird geschrieben):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Backing file (read only):</source>
        <translation>Backing-Datei (nur gelesen):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>.add-cow file (bits set):</source>
        <translation>.add-cow-Datei (gesetzte Bits):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clusters to commit:</source>
        <translation>Zu übernehmende Cluster:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 of %2 (%3 are in the image file already)</source>
        <translation>%1 von %2 (%3 sind schon in der Image-Datei)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Copied from the backing file:</source>
        <translation>Aus der Backing-Datei kopiert:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zeros past the backing file's end:</source>
        <translation>Nullen hinter dem Ende der Backing-Datei:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The copy runs in the background in durable batches: data first, then the bits. Cancelling keeps what is done, and the next commit resumes from there. Holes that read as zeros on both sides are skipped.</source>
        <translation>Das Kopieren läuft im Hintergrund in dauerhaft gesicherten Stapeln: erst die Daten, dann die Bits. Abbrechen behält das Erledigte, und der nächste Commit macht dort weiter. Löcher, die auf beiden Seiten als Nullen gelesen werden, werden übersprungen.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Commit</source>
        <translation>&amp;Commit</translation>
    </message>
</context>
<context>
    <name>AddCow::CommitDoneDialog</name>
    <message>
        <location filename="../app/commitdonedialog.cpp" line="+22" />
        <source>&amp;Verify the raw image now (read every byte, SHA-256)</source>
        <translation>Raw-Image jetzt &amp;verifizieren (jedes Byte lesen, SHA-256)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Remove the .add-cow file %1</source>
        <translation>.add-cow-Datei %1 &amp;entfernen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Also remove the &amp;backing file %1</source>
        <translation>Auch die &amp;Backing-Datei %1 entfernen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Commit Finished</source>
        <translation>Commit abgeschlossen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;%1 is now the whole disk.&lt;/b&gt;&lt;br&gt;Every cluster is in the raw image file and ALL_ALLOCATED is set (R14, R19): the .add-cow file and the backing file are no longer needed to read it.</source>
        <translation>&lt;b&gt;%1 ist jetzt die ganze Disk.&lt;/b&gt;&lt;br&gt;Jeder Cluster ist in der Raw-Image-Datei und ALL_ALLOCATED ist gesetzt (R14, R19): Die .add-cow-Datei und die Backing-Datei werden zum Lesen nicht mehr gebraucht.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Other images may use the same backing file; it is only removed after a second confirmation.</source>
        <translation>Andere Images können dieselbe Backing-Datei verwenden; sie wird erst nach einer zweiten Bestätigung entfernt.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Remove Backing File</source>
        <translation>Backing-Datei entfernen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove the backing file %1?</source>
        <translation>Die Backing-Datei %1 entfernen?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This cannot be undone. Any other image that uses it as its backing file loses its data.</source>
        <translation>Das kann nicht rückgängig gemacht werden. Jedes andere Image, das sie als Backing-Datei verwendet, verliert seine Daten.</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizard</name>
    <message>
        <location filename="../app/createwizard.cpp" line="+30" />
        <source>New add-cow Image</source>
        <translation>Neues add-cow-Image</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Replace .add-cow File</source>
        <translation>.add-cow-Datei ersetzen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 exists. Replace it? Its bitmap, and with it every cluster written through it, is lost.</source>
        <translation>%1 existiert. Ersetzen? Ihre Bitmap und damit jeder darüber geschriebene Cluster gehen verloren.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Creating %1…</source>
        <translation>%1 wird erstellt …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Create %1</source>
        <translation>%1 erstellen</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Created %1.</source>
        <translation>%1 erstellt.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Creating failed: %1</source>
        <translation>Erstellen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Close the Wizard</source>
        <translation>Assistenten schließen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Discard the settings of the new image?</source>
        <translation>Die Einstellungen des neuen Images verwerfen?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nothing has been created yet.</source>
        <translation>Es wurde noch nichts erstellt.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Cancel Creating</source>
        <translation>Erstellen abbrechen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop creating the image? What was made so far is removed.</source>
        <translation>Das Erstellen des Images abbrechen? Was bisher angelegt wurde, wird entfernt.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardAddCowPage</name>
    <message>
        <location filename="../app/createwizardaddcowpage.cpp" line="+34" />
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Replace the existing .add-cow file (its bitmap is lost)</source>
        <translation>Die vorhandene .add-cow-Datei &amp;ersetzen (ihre Bitmap geht verloren)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The .add-cow File</source>
        <translation>Die .add-cow-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The small file that holds the header and the copy-on-write bitmap: one bit per 64 KiB cluster saying whether the image file already has that cluster.</source>
        <translation>Die kleine Datei mit dem Header und der Copy-on-Write-Bitmap: ein Bit pro 64-KiB-Cluster, das angibt, ob die Image-Datei diesen Cluster schon hat.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;.add-cow file:</source>
        <translation>&amp;.add-cow-Datei:</translation>
    </message>
    <message>
        <location line="+55" />
        <source>Choose the .add-cow File</source>
        <translation>Die .add-cow-Datei wählen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>add-cow images (*.add-cow);;All files (*)</source>
        <translation>add-cow-Images (*.add-cow);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Choose where to write the .add-cow file.</source>
        <translation>Wählen Sie, wohin die .add-cow-Datei geschrieben wird.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The .add-cow file cannot be the image file.</source>
        <translation>Die .add-cow-Datei kann nicht die Image-Datei sein.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The .add-cow file cannot be the backing file.</source>
        <translation>Die .add-cow-Datei kann nicht die Backing-Datei sein.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 already exists. Check “Replace” to overwrite it.</source>
        <translation>%1 existiert bereits. Aktivieren Sie „Ersetzen“, um sie zu überschreiben.</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardBackingPage</name>
    <message>
        <location filename="../app/createwizardbackingpage.cpp" line="+32" />
        <source>&amp;Use a backing file</source>
        <translation>Eine Backing-Datei &amp;verwenden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Backing File</source>
        <translation>Backing-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The read-only file whose data the new image starts from. Clusters not yet written are read from it. Without a backing file every cluster comes from the image file.</source>
        <translation>Die schreibgeschützte Datei, von deren Daten das neue Image ausgeht. Noch nicht geschriebene Cluster werden aus ihr gelesen. Ohne Backing-Datei kommt jeder Cluster aus der Image-Datei.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Path of the backing file</source>
        <translation>Pfad der Backing-Datei</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Backing &amp;file:</source>
        <translation>Backing-&amp;Datei:</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Choose the Backing File</source>
        <translation>Die Backing-Datei wählen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Disk images (*.raw *.img *.bin *.qcow2 *.vmdk *.vhdx *.vhd *.vdi);;All files (*)</source>
        <translation>Disk-Images (*.raw *.img *.bin *.qcow2 *.vmdk *.vhdx *.vhd *.vdi);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Format: %1 (probed); asking QEMU about it…</source>
        <translation>Format: %1 (erkannt); QEMU wird dazu befragt …</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Format: raw (probed)
Size: %1</source>
        <translation>Format: raw (erkannt)
Größe: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Format: %1 (probed by QEMU, read through it)
Virtual size: %2 (the file holds %3)</source>
        <translation>Format: %1 (von QEMU erkannt, wird darüber gelesen)
Virtuelle Größe: %2 (die Datei enthält %3)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Backed by: %1 (%2)</source>
        <translation>Basiert auf: %1 (%2)</translation>
    </message>
    <message>
        <location line="-61" />
        <source>Choose the backing file, or uncheck “Use a backing file”.</source>
        <translation>Wählen Sie die Backing-Datei oder deaktivieren Sie „Eine Backing-Datei verwenden“.</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardImagePage</name>
    <message>
        <location filename="../app/createwizardimagepage.cpp" line="+58" />
        <source>The file system of %1 cannot hold a file of %2.</source>
        <translation>Das Dateisystem von %1 kann keine Datei mit %2 aufnehmen.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not enough free space in %1: the fully allocated image and its bitmap need %2, %3 is free.</source>
        <translation>Nicht genug freier Platz in %1: Das voll belegte Image und seine Bitmap brauchen %2, frei sind %3.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not enough free space in %1 for the bitmap: a disk of %2 needs %3 of bitmap (one bit per 64 KiB cluster), %4 is free.</source>
        <translation>Nicht genug freier Platz in %1 für die Bitmap: Eine Disk mit %2 braucht %3 Bitmap (ein Bit pro 64-KiB-Cluster), frei sind %4.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>B&amp;rowse…</source>
        <translation>Du&amp;rchsuchen …</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Sparse: blocks are allocated when written</source>
        <translation>&amp;Sparse: Blöcke werden beim Schreiben belegt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Fully allocated: reserve every block now</source>
        <translation>&amp;Voll belegt: jeden Block jetzt reservieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow an image &amp;smaller than the backing file</source>
        <translation>Ein Image &amp;kleiner als die Backing-Datei erlauben</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Raw Image File</source>
        <translation>Raw-Image-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The file that receives every write. An existing file is used as it is, never truncated; a new one is created with the size you give.</source>
        <translation>Die Datei, die jeden Schreibvorgang aufnimmt. Eine vorhandene Datei wird unverändert verwendet, nie gekürzt; eine neue wird mit der angegebenen Größe angelegt.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Path of the raw image file (new or existing)</source>
        <translation>Pfad der Raw-Image-Datei (neu oder vorhanden)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>e.g. 10G, 512M, 1.5T</source>
        <translation>z. B. 10G, 512M, 1.5T</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes, or a number with K, M, G or T (binary: 1K = 1024 bytes)</source>
        <translation>Bytes oder eine Zahl mit K, M, G oder T (binär: 1K = 1024 Bytes)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Warning: the part of the backing file past the image's end is no longer part of the disk.</source>
        <translation>Warnung: Der Teil der Backing-Datei hinter dem Ende des Images gehört nicht mehr zur Disk.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rule R%1: %2</source>
        <translation>Regel R%1: %2</translation>
    </message>
    <message>
        <location line="+117" />
        <source>The image file and the backing file are the same file; they must be different.</source>
        <translation>Image-Datei und Backing-Datei sind dieselbe Datei; sie müssen verschieden sein.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Existing file of %1: used as it is, never truncated or shrunk.</source>
        <translation>Vorhandene Datei mit %1: wird unverändert verwendet, nie gekürzt oder verkleinert.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>The image (%1) is smaller than the backing file (%2): the backing file's tail would be dropped.</source>
        <translation>Das Image (%1) ist kleiner als die Backing-Datei (%2): Das Ende der Backing-Datei ginge verloren.</translation>
    </message>
    <message>
        <location line="-161" />
        <source>&amp;Image file:</source>
        <translation>&amp;Image-Datei:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Choose the Raw Image File</source>
        <translation>Die Raw-Image-Datei wählen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Raw disk images (*.raw *.img);;All files (*)</source>
        <translation>Raw-Disk-Images (*.raw *.img);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Choose the raw image file.</source>
        <translation>Wählen Sie die Raw-Image-Datei.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Enter the size of the new image file.</source>
        <translation>Geben Sie die Größe der neuen Image-Datei ein.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“%1” is not a size: use bytes or a number with K, M, G or T.</source>
        <translation>„%1“ ist keine Größe: Verwenden Sie Bytes oder eine Zahl mit K, M, G oder T.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A new file of %1 is created.</source>
        <translation>Eine neue Datei mit %1 wird angelegt.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Free space in %1: %2</source>
        <translation>Freier Platz in %1: %2</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardNamesPage</name>
    <message>
        <location filename="../app/createwizardnamespage.cpp" line="+41" />
        <source>&amp;Relative to the .add-cow file's folder (the three files can be moved together)</source>
        <translation>&amp;Relativ zum Ordner der .add-cow-Datei (die drei Dateien können zusammen verschoben werden)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Absolute paths (the .add-cow file can be moved alone)</source>
        <translation>&amp;Absolute Pfade (die .add-cow-Datei kann allein verschoben werden)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Stored File Names</source>
        <translation>Gespeicherte Dateinamen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The header stores the names of the image and backing files as bytes. A relative name is resolved against the folder of the .add-cow file, never the current folder.</source>
        <translation>Der Header speichert die Namen der Image- und der Backing-Datei als Bytes. Ein relativer Name wird gegen den Ordner der .add-cow-Datei aufgelöst, nie gegen den aktuellen Ordner.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Image file name</source>
        <translation>Name der Image-Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing file name</source>
        <translation>Name der Backing-Datei</translation>
    </message>
    <message numerus="yes">
        <location line="+32" />
        <source>“%1” — %n byte(s): %2</source>
        <translation>
            <numerusform>„%1“ – %n Byte: %2</numerusform>
            <numerusform>„%1“ – %n Bytes: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36" />
        <location line="+2" />
        <source>Stored: %1
Resolves to: %2</source>
        <translation>Gespeichert: %1
Verweist auf: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>None: no backing file is stored (its offset and size are 0).</source>
        <translation>Keine: Es wird keine Backing-Datei gespeichert (ihr Offset und ihre Größe sind 0).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The names take %1 bytes; at most %2 fit in the header. Use relative names or shorter paths.</source>
        <translation>Die Namen belegen %1 Bytes; höchstens %2 passen in den Header. Verwenden Sie relative Namen oder kürzere Pfade.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A name contains a NUL byte.</source>
        <translation>Ein Name enthält ein NUL-Byte.</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardProgressPage</name>
    <message>
        <location filename="../app/createwizardprogresspage.cpp" line="+24" />
        <source>&amp;Change Settings and Try Again</source>
        <translation>Einstellungen ä&amp;ndern und erneut versuchen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Back to the review, where Back leads to every earlier page</source>
        <translation>Zurück zum Überblick; von dort führt „Zurück“ zu jeder früheren Seite</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Creating</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel stops the job and removes what it made so far.</source>
        <translation>Abbrechen stoppt den Auftrag und entfernt, was er bisher angelegt hat.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Not Created</source>
        <translation>Nicht erstellt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done: the new image is open in the inspector.</source>
        <translation>Fertig: Das neue Image ist im Inspektor geöffnet.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What the job had made so far was removed; nothing half-made is left.</source>
        <translation>Was der Auftrag bisher angelegt hatte, wurde entfernt; nichts Halbfertiges bleibt zurück.</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardReviewPage</name>
    <message>
        <location filename="../app/createwizardreviewpage.cpp" line="+33" />
        <source>Review</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing has been written yet. Create writes exactly this:</source>
        <translation>Noch wurde nichts geschrieben. Erstellen schreibt genau dies:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location line="+24" />
        <source>The .add-cow file</source>
        <translation>Die .add-cow-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;%1&lt;/b&gt;, %2: a 4096-byte header and a zeroed bitmap of %3 for %4 clusters of 64 KiB (R11).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2: ein 4096-Byte-Header und eine genullte Bitmap von %3 für %4 Cluster zu 64 KiB (R11).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;Replaces the existing file&lt;/b&gt; of that name; its bitmap is lost.</source>
        <translation>&lt;b&gt;Ersetzt die vorhandene Datei&lt;/b&gt; dieses Namens; ihre Bitmap geht verloren.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Written to a temporary file first and renamed into place (R20).</source>
        <translation>Zuerst in eine temporäre Datei geschrieben und dann an ihren Platz umbenannt (R20).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Image file name: %1</source>
        <translation>Name der Image-Datei: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Image format: raw</source>
        <translation>Image-Format: raw</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing file name: %1</source>
        <translation>Name der Backing-Datei: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Backing format: %1</source>
        <translation>Backing-Format: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Features: 0 (clusters are read from the backing file until written)</source>
        <translation>Features: 0 (Cluster werden aus der Backing-Datei gelesen, bis sie geschrieben werden)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No backing file. Features: ALL_ALLOCATED (every cluster is read from the image file, R14)</source>
        <translation>Keine Backing-Datei. Features: ALL_ALLOCATED (jeder Cluster wird aus der Image-Datei gelesen, R14)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The raw image file</source>
        <translation>Die Raw-Image-Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;%1&lt;/b&gt; exists (%2): used as it is, not written, never truncated (R20).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; existiert (%2): wird unverändert verwendet, nicht geschrieben, nie gekürzt (R20).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;%1&lt;/b&gt; is created, %2, %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wird angelegt, %2, %3.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>fully allocated</source>
        <translation>voll belegt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>sparse</source>
        <translation>sparse</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Virtual disk size: %1 (the image file's size, R11)</source>
        <translation>Größe der virtuellen Disk: %1 (die Größe der Image-Datei, R11)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file</source>
        <translation>Die Backing-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, %3): only read, never written.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2, %3): wird nur gelesen, nie geschrieben.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&lt;b&gt;Forced:&lt;/b&gt; the last %1 of the backing file are not part of the disk (R20).</source>
        <translation>&lt;b&gt;Erzwungen:&lt;/b&gt; Die letzten %1 der Backing-Datei gehören nicht zur Disk (R20).</translation>
    </message>
</context>
<context>
    <name>AddCow::EditNamesDialog</name>
    <message>
        <location filename="../app/editnamesdialog.cpp" line="+45" />
        <source>Edit File Names</source>
        <translation>Dateinamen bearbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change the names stored in %1, for example after the files were moved. Relative names are resolved against its folder. The header is rewritten whole and renamed into place; Edit › Undo File Name Change puts the old names back.</source>
        <translation>Die in %1 gespeicherten Namen ändern, zum Beispiel nachdem die Dateien verschoben wurden. Relative Namen werden gegen ihren Ordner aufgelöst. Der Header wird vollständig neu geschrieben und an seinen Platz umbenannt; Bearbeiten › Dateinamensänderung rückgängig stellt die alten Namen wieder her.</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+55" />
        <source>No backing file</source>
        <translation>Keine Backing-Datei</translation>
    </message>
    <message>
        <location line="-45" />
        <source>&amp;Image file name:</source>
        <translation>Name der &amp;Image-Datei:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Backing file name:</source>
        <translation>Name der &amp;Backing-Datei:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Br&amp;owse…</source>
        <translation>Dur&amp;chsuchen …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <location line="+42" />
        <source>The file name fields of %1 are broken, so the image cannot be opened. Enter the names to store: the header is rewritten whole, checked by the same rules as New Image, and renamed into place; Edit › Undo File Name Change puts the broken header back.</source>
        <translation>Die Dateinamensfelder von %1 sind beschädigt, daher kann das Image nicht geöffnet werden. Geben Sie die zu speichernden Namen ein: Der Header wird vollständig neu geschrieben, nach denselben Regeln wie bei „Neues Image“ geprüft und an seinen Platz umbenannt; Bearbeiten › Dateinamensänderung rückgängig stellt den beschädigten Header wieder her.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>exists, %1</source>
        <translation>existiert, %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n byte(s); resolves to %1 (%2)</source>
        <translation>
            <numerusform>%n Byte; verweist auf %1 (%2)</numerusform>
            <numerusform>%n Bytes; verweist auf %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose the File</source>
        <translation>Die Datei wählen</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The image file name is required.</source>
        <translation>Der Name der Image-Datei ist erforderlich.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>A name contains a NUL byte.</source>
        <translation>Ein Name enthält ein NUL-Byte.</translation>
    </message>
    <message>
        <location line="-1" />
        <source>The names take %1 bytes; at most %2 fit in the header.</source>
        <translation>Die Namen belegen %1 Bytes; höchstens %2 passen in den Header.</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Enter the backing file name.</source>
        <translation>Geben Sie den Namen der Backing-Datei ein.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The image file %1 does not exist.</source>
        <translation>Die Image-Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file %1 does not exist.</source>
        <translation>Die Backing-Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The image file and the backing file would be the same file.</source>
        <translation>Image-Datei und Backing-Datei wären dieselbe Datei.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image file would be the .add-cow file itself.</source>
        <translation>Die Image-Datei wäre die .add-cow-Datei selbst.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file would be the .add-cow file itself.</source>
        <translation>Die Backing-Datei wäre die .add-cow-Datei selbst.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The names are unchanged.</source>
        <translation>Die Namen sind unverändert.</translation>
    </message>
</context>
<context>
    <name>AddCow::FindingsView</name>
    <message>
        <location filename="../widgets/findingsview.cpp" line="+52" />
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+66" />
        <source>No problems found</source>
        <translation>Keine Probleme gefunden</translation>
    </message>
    <message>
        <location line="+13" />
        <source>bytes %1-%2</source>
        <translation>Bytes %1–%2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+66" />
        <source>&amp;Copy Finding</source>
        <translation>Befund &amp;kopieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Message</source>
        <translation>&amp;Meldung kopieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copy &amp;Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show in &amp;Header</source>
        <translation>Im &amp;Header zeigen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show the &amp;Bytes</source>
        <translation>Die &amp;Bytes zeigen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy &amp;All Findings</source>
        <translation>&amp;Alle Befunde kopieren</translation>
    </message>
    <message>
        <location line="+14" />
        <source>No image checked</source>
        <translation>Kein Image geprüft</translation>
    </message>
</context>
<context>
    <name>AddCow::GoToDialog</name>
    <message>
        <location filename="../app/gotodialog.cpp" line="+25" />
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Offset in the virtual disk</source>
        <translation>&amp;Offset in der virtuellen Disk</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Go To</source>
        <translation>Gehe zu</translation>
    </message>
    <message>
        <location line="+2" />
        <source>123, 0x7b or 64K</source>
        <translation>123, 0x7b oder 64K</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Go to:</source>
        <translation>Gehe zu:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Position:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Clusters 0 to %1.</source>
        <translation>Cluster 0 bis %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes 0 to %1.</source>
        <translation>Bytes 0 bis %1.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not a number: type 123, 0x7b or a size such as 64K.</source>
        <translation>Keine Zahl: Geben Sie 123, 0x7b oder eine Größe wie 64K ein.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Past the end of the disk.</source>
        <translation>Hinter dem Ende der Disk.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cluster %1.</source>
        <translation>Cluster %1.</translation>
    </message>
</context>
<context>
    <name>AddCow::HeaderModel</name>
    <message>
        <location filename="../widgets/headermodel.cpp" line="+113" />
        <source>bit %1 (0x%2)</source>
        <translation>Bit %1 (0x%2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unknown bit %1 (0x%2)</source>
        <translation>unbekanntes Bit %1 (0x%2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+23" />
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <location line="+51" />
        <source>(missing: the file ends at byte %1)</source>
        <translation>(fehlt: Die Datei endet bei Byte %1)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1: header size %2 bytes</source>
        <translation>%1: Header-Größe %2 Bytes</translation>
    </message>
    <message>
        <location line="+6" />
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+7" />
        <source> (bytes after the NUL: "%1")</source>
        <translation> (Bytes nach dem NUL: „%1“)</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+71" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="-62" />
        <source> (cut off: %1 of %2 bytes are in the header)</source>
        <translation> (abgeschnitten: %1 von %2 Bytes liegen im Header)</translation>
    </message>
    <message>
        <location line="+26" />
        <source>zero as far as read (%1 of %2 bytes)</source>
        <translation>null, soweit gelesen (%1 von %2 Bytes)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>zero outside the names</source>
        <translation>null außerhalb der Namen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>at %1: %2</source>
        <translation>bei %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n non-zero byte(s) outside the names, the first at byte %1</source>
        <translation>
            <numerusform>%n Byte außerhalb der Namen ist nicht null, das erste bei Byte %1</numerusform>
            <numerusform>%n Bytes außerhalb der Namen sind nicht null, das erste bei Byte %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 clusters: %2 bytes of bits in a region of %3 bytes</source>
        <translation>%1 Cluster: %2 Bytes Bits in einem Bereich von %3 Bytes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>; the file holds %1 bytes of it</source>
        <translation>; die Datei enthält %1 Bytes davon</translation>
    </message>
    <message>
        <location line="+3" />
        <source>size unknown: the image file is not available; the file holds %1 bytes after the header</source>
        <translation>Größe unbekannt: Die Image-Datei ist nicht verfügbar; die Datei enthält %1 Bytes nach dem Header</translation>
    </message>
    <message>
        <location line="+3" />
        <source> (not consulted: ALL_ALLOCATED)</source>
        <translation> (nicht herangezogen: ALL_ALLOCATED)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>(no usable name)</source>
        <translation>(kein verwendbarer Name)</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%1, bytes %2</source>
        <translation>%1, Bytes %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 (R%2): %3</source>
        <translation>%1 (R%2): %3</translation>
    </message>
    <message>
        <location line="+1" />
        <source>R%1: %2</source>
        <translation>R%1: %2</translation>
    </message>
    <message>
        <location line="+98" />
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Raw</source>
        <translation>Rohwert</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+48" />
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location line="+2" />
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>AddCow::HeaderView</name>
    <message>
        <location filename="../widgets/headerview.cpp" line="+273" />
        <source>Copy &amp;Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Raw Bytes</source>
        <translation>&amp;Rohbytes kopieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copy R&amp;ow</source>
        <translation>&amp;Zeile kopieren</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Copy &amp;Path</source>
        <translation>&amp;Pfad kopieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open Containing &amp;Folder</source>
        <translation>Enthaltenden &amp;Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>AddCow::HeatmapAxis</name>
    <message>
        <location filename="../widgets/heatmapaxis.cpp" line="+71" />
        <source>Offsets of the map's rows</source>
        <translation>Offsets der Kartenzeilen</translation>
    </message>
    <message>
        <location line="+37" />
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 EiB</source>
        <translation>%1 EiB</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 PiB</source>
        <translation>%1 PiB</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+44" />
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="-44" />
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
</context>
<context>
    <name>AddCow::HeatmapLegend</name>
    <message>
        <location filename="../widgets/heatmaplegend.cpp" line="+30" />
        <source>Cluster map legend</source>
        <translation>Legende der Cluster-Karte</translation>
    </message>
    <message>
        <location line="+8" />
        <source>In the image file</source>
        <translation>In der Image-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From the backing file</source>
        <translation>Aus der Backing-Datei</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Backing file cannot be read</source>
        <translation>Backing-Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing file reads zeros</source>
        <translation>Backing-Datei liefert Nullen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zeros (past the backing file, or none)</source>
        <translation>Nullen (hinter der Backing-Datei oder keine vorhanden)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Partly in the image file:</source>
        <translation>Teilweise in der Image-Datei:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>a few</source>
        <translation>wenige</translation>
    </message>
    <message>
        <location line="+0" />
        <source>nearly all</source>
        <translation>fast alle</translation>
    </message>
    <message>
        <location line="+78" />
        <source>%1 clusters (%2) per row</source>
        <translation>%1 Cluster (%2) pro Zeile</translation>
    </message>
    <message>
        <location line="+3" />
        <source>1 cluster (64 KiB) = %1 × %2 px, %3</source>
        <translation>1 Cluster (64 KiB) = %1 × %2 px, %3</translation>
    </message>
    <message>
        <location line="+2" />
        <source>1 cell = %1 clusters (%2) = %3 × %4 px, %5</source>
        <translation>1 Zelle = %1 Cluster (%2) = %3 × %4 px, %5</translation>
    </message>
    <message>
        <location line="-81" />
        <source>Unreadable (verify)</source>
        <translation>Unlesbar (Verifizierung)</translation>
    </message>
</context>
<context>
    <name>AddCow::HeatmapView</name>
    <message>
        <location filename="../widgets/heatmapview.cpp" line="+41" />
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Fit the whole map (0)</source>
        <translation>Die ganze Karte einpassen (0)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Clusters per row of the map: a fixed length keeps the grid when zooming; Automatic fills the view and halves the rows as you zoom in</source>
        <translation>Cluster pro Zeile der Karte: Eine feste Länge behält das Raster beim Zoomen; Automatisch füllt die Ansicht und halbiert die Zeilen beim Vergrößern</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clusters per row</source>
        <translation>Cluster pro Zeile</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Row:</source>
        <translation>&amp;Zeile:</translation>
    </message>
</context>
<context>
    <name>AddCow::HeatmapWidget</name>
    <message>
        <location filename="../widgets/heatmapwidget.cpp" line="+103" />
        <source>Cluster map</source>
        <translation>Cluster-Karte</translation>
    </message>
    <message>
        <location line="+28" />
        <source>&amp;Shorter Rows</source>
        <translation>&amp;Kürzere Zeilen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Half as many clusters per row of the map</source>
        <translation>Halb so viele Cluster pro Zeile der Karte</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Longer Rows</source>
        <translation>&amp;Längere Zeilen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Twice as many clusters per row of the map</source>
        <translation>Doppelt so viele Cluster pro Zeile der Karte</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Automatic Row Length</source>
        <translation>&amp;Automatische Zeilenlänge</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Rows as long as fills the view at Fit; zooming in halves them</source>
        <translation>Zeilen so lang, dass sie beim Einpassen die Ansicht füllen; Vergrößern halbiert sie</translation>
    </message>
    <message>
        <location line="+293" />
        <source>Clusters %1 to %2 (%3)</source>
        <translation>Cluster %1 bis %2 (%3)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allocated in the image file: %1 of %2 clusters</source>
        <translation>In der Image-Datei belegt: %1 von %2 Clustern</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Click to select its clusters</source>
        <translation>Klicken, um die zugehörigen Cluster auszuwählen</translation>
    </message>
    <message>
        <location line="+802" />
        <source>Select Cluster %1</source>
        <translation>Cluster %1 auswählen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select Clusters %1–%2</source>
        <translation>Cluster %1–%2 auswählen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>in the image file</source>
        <translation>in der Image-Datei</translation>
    </message>
    <message>
        <location line="+0" />
        <source>not in the image file</source>
        <translation>nicht in der Image-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select the Run of %1 Clusters %2</source>
        <translation>Den Abschnitt von %1 Clustern %2 auswählen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Select %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Show in Hex Views</source>
        <translation>In den Hex-Ansichten zeigen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Copy Offset %1</source>
        <translation>Offset %1 kopieren</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy Cluster Index %1</source>
        <translation>Cluster-Index %1 kopieren</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Zoom In Here</source>
        <translation>Hier vergrößern</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Fit the Whole Map</source>
        <translation>Die ganze Karte einpassen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Clusters per Row</source>
        <translation>Cluster pro Zeile</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren …</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Automatic (fill the view)</source>
        <translation>Automatisch (Ansicht füllen)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 clusters (%2)</source>
        <translation>%1 Cluster (%2)</translation>
    </message>
    <message>
        <location line="+81" />
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clusters %1 to %2 (%3 clusters)</source>
        <translation>Cluster %1 bis %2 (%3 Cluster)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes %1 to %2 (%3)</source>
        <translation>Bytes %1 bis %2 (%3)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Source: image file (all allocated)</source>
        <translation>Quelle: Image-Datei (alles belegt)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source: image file</source>
        <translation>Quelle: Image-Datei</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Source: backing file, which reads as zeros here</source>
        <translation>Quelle: Backing-Datei, die hier als Nullen gelesen wird</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Source: backing file, which cannot be read</source>
        <translation>Quelle: Backing-Datei, die nicht gelesen werden kann</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Source: backing file, zeros from byte %1</source>
        <translation>Quelle: Backing-Datei, Nullen ab Byte %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Source: backing file</source>
        <translation>Quelle: Backing-Datei</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Source: zeros (past the end of the backing file)</source>
        <translation>Quelle: Nullen (hinter dem Ende der Backing-Datei)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source: zeros (no backing file)</source>
        <translation>Quelle: Nullen (keine Backing-Datei)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counting allocated clusters…</source>
        <translation>Belegte Cluster werden gezählt …</translation>
    </message>
    <message>
        <location line="+8" />
        <source>under 0.1</source>
        <translation>unter 0,1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Allocated in the image file: %1 of %2 clusters (%3%)</source>
        <translation>In der Image-Datei belegt: %1 von %2 Clustern (%3 %)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>From the backing file, which cannot be read: %1</source>
        <translation>Aus der Backing-Datei, die nicht gelesen werden kann: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>From the backing file: %1, zeros: %2</source>
        <translation>Aus der Backing-Datei: %1, Nullen: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>Unreadable: %n cluster(s) failed verification</source>
        <translation>
            <numerusform>Unlesbar: %n Cluster hat die Verifizierung nicht bestanden</numerusform>
            <numerusform>Unlesbar: %n Cluster haben die Verifizierung nicht bestanden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11" />
        <source>No image open.</source>
        <translation>Kein Image geöffnet.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Map of %1 clusters of 64 KiB; counting allocated clusters.</source>
        <translation>Karte von %1 Clustern zu 64 KiB; belegte Cluster werden gezählt.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Map of %1 clusters of 64 KiB: %2 in the image file, %3 from the backing file, %4 zeros. Arrow keys move the cursor, Shift extends the selection, plus and minus zoom, 0 fits the whole map.</source>
        <translation>Karte von %1 Clustern zu 64 KiB: %2 in der Image-Datei, %3 aus der Backing-Datei, %4 Nullen. Die Pfeiltasten bewegen den Cursor, Umschalt erweitert die Auswahl, Plus und Minus zoomen, 0 passt die ganze Karte ein.</translation>
    </message>
</context>
<context>
    <name>AddCow::HexBookmarksModel</name>
    <message>
        <location filename="../widgets/hexbookmarksmodel.cpp" line="+85" />
        <source>Bookmark at 0x%1</source>
        <translation>Lesezeichen bei 0x%1</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Double-click to go there; F2 renames</source>
        <translation>Doppelklicken, um dorthin zu gehen; F2 benennt um</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>AddCow::HexBookmarksView</name>
    <message>
        <location filename="../widgets/hexbookmarksview.cpp" line="+26" />
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bookmark the selected bytes, or the byte at the cursor (Ctrl+B)</source>
        <translation>Die ausgewählten Bytes oder das Byte am Cursor als Lesezeichen speichern (Ctrl+B)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove the selected bookmark (Delete)</source>
        <translation>Das ausgewählte Lesezeichen entfernen (Delete)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Remove Bookmark</source>
        <translation>Lesezeichen entfernen</translation>
    </message>
</context>
<context>
    <name>AddCow::HexChangesModel</name>
    <message>
        <location filename="../widgets/hexchangesmodel.cpp" line="+264" />
        <source>Clusters %1 to %2 were written and differ from the backing file; the differing bytes run from 0x%3 to 0x%4.</source>
        <translation>Cluster %1 bis %2 wurden geschrieben und unterscheiden sich von der Backing-Datei; die abweichenden Bytes reichen von 0x%3 bis 0x%4.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Clusters %1 to %2 were written with the bytes they already had: allocated, unchanged.</source>
        <translation>Cluster %1 bis %2 wurden mit den Bytes geschrieben, die sie schon hatten: belegt, unverändert.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Allocated, unchanged</source>
        <translation>Belegt, unverändert</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
</context>
<context>
    <name>AddCow::HexChangesView</name>
    <message>
        <location filename="../widgets/hexchangesview.cpp" line="+68" />
        <location line="+121" />
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="-121" />
        <location line="+122" />
        <source>Stop scanning for changes</source>
        <translation>Die Suche nach Änderungen anhalten</translation>
    </message>
    <message>
        <location line="-121" />
        <source>Previous</source>
        <translation>Vorherige</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go to the previous change before the cursor</source>
        <translation>Zur vorherigen Änderung vor dem Cursor gehen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next</source>
        <translation>Nächste</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go to the next change after the cursor</source>
        <translation>Zur nächsten Änderung nach dem Cursor gehen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show allocated, unchanged</source>
        <translation>Belegte, unveränderte zeigen</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Change scan progress</source>
        <translation>Fortschritt der Suche nach Änderungen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Also list clusters that were written with the bytes they already had</source>
        <translation>Auch Cluster auflisten, die mit den Bytes geschrieben wurden, die sie schon hatten</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location line="+68" />
        <source>No image.</source>
        <translation>Kein Image.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Committed: the raw image file is the whole disk and the backing file is not read (ALL_ALLOCATED), so there is nothing to compare with.</source>
        <translation>Übernommen: Die Raw-Image-Datei ist die ganze Disk und die Backing-Datei wird nicht gelesen (ALL_ALLOCATED), daher gibt es nichts zum Vergleichen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The backing file cannot be read, so written clusters cannot be compared with what they replaced. Locate the backing file to see the changes.</source>
        <translation>Die Backing-Datei kann nicht gelesen werden, daher können geschriebene Cluster nicht mit dem verglichen werden, was sie ersetzt haben. Suchen Sie die Backing-Datei, um die Änderungen zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>in %n cluster(s)</source>
        <translation>
            <numerusform>in %n Cluster</numerusform>
            <numerusform>in %n Clustern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n cluster(s) allocated, unchanged</source>
        <translation>
            <numerusform>%n Cluster belegt, unverändert</numerusform>
            <numerusform>%n Cluster belegt, unverändert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>No backing file: written clusters are compared with zeros.</source>
        <translation>Keine Backing-Datei: Geschriebene Cluster werden mit Nullen verglichen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The scan failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stopped: part of the disk is not scanned yet.</source>
        <translation>Angehalten: Ein Teil der Disk ist noch nicht durchsucht.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scanning…</source>
        <translation>Wird durchsucht …</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scan the rest of the disk for changes</source>
        <translation>Den Rest der Disk nach Änderungen durchsuchen</translation>
    </message>
</context>
<context>
    <name>AddCow::HexInspectorModel</name>
    <message>
        <location filename="../widgets/hexinspectormodel.cpp" line="+219" />
        <source>Binary 8-bit</source>
        <translation>Binär 8-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Octal 8-bit</source>
        <translation>Oktal 8-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hexadecimal 8-bit</source>
        <translation>Hexadezimal 8-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed 8-bit</source>
        <translation>Vorzeichenbehaftet 8-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unsigned 8-bit</source>
        <translation>Vorzeichenlos 8-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed 16-bit</source>
        <translation>Vorzeichenbehaftet 16-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unsigned 16-bit</source>
        <translation>Vorzeichenlos 16-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed 32-bit</source>
        <translation>Vorzeichenbehaftet 32-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unsigned 32-bit</source>
        <translation>Vorzeichenlos 32-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed 64-bit</source>
        <translation>Vorzeichenbehaftet 64-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unsigned 64-bit</source>
        <translation>Vorzeichenlos 64-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Float 32-bit</source>
        <translation>Gleitkomma 32-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Float 64-bit</source>
        <translation>Gleitkomma 64-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Character 8-bit</source>
        <translation>Zeichen 8-Bit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location line="+2" />
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message numerus="yes">
        <location line="+32" />
        <source>Needs %n byte(s); the data ends before.</source>
        <translation>
            <numerusform>Braucht %n Byte; die Daten enden vorher.</numerusform>
            <numerusform>Braucht %n Bytes; die Daten enden vorher.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not valid text here.</source>
        <translation>Hier kein gültiger Text.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Little-endian</source>
        <translation>Little-Endian</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Big-endian</source>
        <translation>Big-Endian</translation>
    </message>
</context>
<context>
    <name>AddCow::HexInspectorView</name>
    <message>
        <location filename="../widgets/hexinspectorview.cpp" line="+34" />
        <source>Data inspector</source>
        <translation>Dateninspektor</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The bytes at the cursor read as each type; select a row and copy it with Ctrl+C</source>
        <translation>Die Bytes am Cursor, als jeder Typ gelesen; wählen Sie eine Zeile und kopieren Sie sie mit Ctrl+C</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy Value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location line="+33" />
        <source>%1, offset 0x%2: past the end</source>
        <translation>%1, Offset 0x%2: hinter dem Ende</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1, offset 0x%2 (%3)</source>
        <translation>%1, Offset 0x%2 (%3)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Place the cursor in a hex view to read the bytes there.</source>
        <translation>Setzen Sie den Cursor in eine Hex-Ansicht, um die Bytes dort zu lesen.</translation>
    </message>
</context>
<context>
    <name>AddCow::HexPanel</name>
    <message>
        <location filename="../widgets/hexpanel.cpp" line="+102" />
        <location line="+409" />
        <location line="+51" />
        <source>Backing file</source>
        <translation>Backing-Datei</translation>
    </message>
    <message>
        <location line="-459" />
        <source>File Bytes</source>
        <translation>Datei-Bytes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show the backing file's own bytes instead of the disk it holds</source>
        <translation>Die eigenen Bytes der Backing-Datei statt der darin enthaltenen Disk zeigen</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+371" />
        <location line="+89" />
        <source>Raw image file</source>
        <translation>Raw-Image-Datei</translation>
    </message>
    <message>
        <location line="-459" />
        <location line="+371" />
        <location line="+89" />
        <source>Virtual disk</source>
        <translation>Virtuelle Disk</translation>
    </message>
    <message>
        <location line="-458" />
        <source>Link</source>
        <translation>Koppeln</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Scroll the three views together</source>
        <translation>Die drei Ansichten gemeinsam rollen</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Stop the search</source>
        <translation>Die Suche anhalten</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Backing file bytes</source>
        <translation>Bytes der Backing-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Raw image file bytes</source>
        <translation>Bytes der Raw-Image-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Virtual disk bytes</source>
        <translation>Bytes der virtuellen Disk</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Go to offset (0x1000, 4096, 4K)</source>
        <translation>Gehe zu Offset (0x1000, 4096, 4K)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Go to offset</source>
        <translation>Gehe zu Offset</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Search pattern</source>
        <translation>Suchmuster</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hex bytes</source>
        <translation>Hex-Bytes</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Search progress</source>
        <translation>Suchfortschritt</translation>
    </message>
    <message>
        <location line="+202" />
        <source>%1 could not be opened again for reading.</source>
        <translation>%1 konnte nicht erneut zum Lesen geöffnet werden.</translation>
    </message>
    <message>
        <location line="+125" />
        <source>Backing file (none)</source>
        <translation>Backing-Datei (keine)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Backing file: %1</source>
        <translation>Backing-Datei: %1</translation>
    </message>
    <message>
        <location line="-54" />
        <source>Raw image file: %1</source>
        <translation>Raw-Image-Datei: %1</translation>
    </message>
    <message>
        <location line="-357" />
        <source>Previous change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go to the previous written bytes that differ from the backing file</source>
        <translation>Zu den vorherigen geschriebenen Bytes gehen, die sich von der Backing-Datei unterscheiden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go to the next written bytes that differ from the backing file</source>
        <translation>Zu den nächsten geschriebenen Bytes gehen, die sich von der Backing-Datei unterscheiden</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Search options</source>
        <translation>Suchoptionen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ignore Case</source>
        <translation>&amp;Groß-/Kleinschreibung ignorieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Wrap Around</source>
        <translation>Am Ende von &amp;vorn beginnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find the next match after the cursor (F3)</source>
        <translation>Den nächsten Treffer nach dem Cursor suchen (F3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find All</source>
        <translation>Alle suchen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>List every match (Ctrl+Shift+F)</source>
        <translation>Jeden Treffer auflisten (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes per row; Auto shows as many as let the three views fit</source>
        <translation>Bytes pro Zeile; Auto zeigt so viele, dass die drei Ansichten noch Platz haben</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes per row</source>
        <translation>Bytes pro Zeile</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Text (UTF-8)</source>
        <translation>Text (UTF-8)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text (UTF-16 LE)</source>
        <translation>Text (UTF-16 LE)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text (UTF-16 BE)</source>
        <translation>Text (UTF-16 BE)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search for</source>
        <translation>Suchen nach</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in virtual disk</source>
        <translation>in der virtuellen Disk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in raw image file</source>
        <translation>in der Raw-Image-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in backing file</source>
        <translation>in der Backing-Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search in</source>
        <translation>Suchen in</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Text matches in upper and lower case</source>
        <translation>Text wird unabhängig von Groß- und Kleinschreibung gefunden</translation>
    </message>
    <message>
        <location line="+5" />
        <source>After the end, go on from the start</source>
        <translation>Nach dem Ende am Anfang weitersuchen</translation>
    </message>
    <message>
        <location line="+99" />
        <location line="+725" />
        <source>Bookmarked 0x%1.</source>
        <translation>Lesezeichen bei 0x%1 gesetzt.</translation>
    </message>
    <message>
        <location line="-719" />
        <source>Copied the first %1 of %2 selected bytes.</source>
        <translation>Die ersten %1 von %2 ausgewählten Bytes kopiert.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Copied %n byte(s).</source>
        <translation>
            <numerusform>%n Byte kopiert.</numerusform>
            <numerusform>%n Bytes kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+187" />
        <source>Virtual disk (%1 bytes; ·· where the backing file cannot be read)</source>
        <translation>Virtuelle Disk (%1 Bytes; ·· wo die Backing-Datei nicht gelesen werden kann)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Virtual disk (%1 bytes)</source>
        <translation>Virtuelle Disk (%1 Bytes)</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Backing disk cannot be read: %1</source>
        <translation>Backing-Disk kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Backing file, its own %1 bytes: %2</source>
        <translation>Backing-Datei, ihre eigenen %1 Bytes: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing disk, as the guest sees it (%1): %2</source>
        <translation>Backing-Disk, wie der Gast sie sieht (%1): %2</translation>
    </message>
    <message>
        <location line="+48" />
        <source>backing file</source>
        <translation>der Backing-Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>raw image file</source>
        <translation>der Raw-Image-Datei</translation>
    </message>
    <message>
        <location line="+4" />
        <source>virtual disk</source>
        <translation>der virtuellen Disk</translation>
    </message>
    <message>
        <location line="+108" />
        <source>Go to Cluster</source>
        <translation>Gehe zu Cluster</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cluster (0 to %1, decimal or 0x hex):</source>
        <translation>Cluster (0 bis %1, dezimal oder hexadezimal mit 0x):</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Not a cluster of this disk: %1</source>
        <translation>Kein Cluster dieser Disk: %1</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Bytes per &amp;Row</source>
        <translation>Bytes pro &amp;Zeile</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Auto</source>
        <translation>&amp;Automatisch</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;8</source>
        <translation>&amp;8</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;16</source>
        <translation>&amp;16</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;32</source>
        <translation>&amp;32</translation>
    </message>
    <message>
        <location line="+77" />
        <source>Saving failed: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Saved %n edited byte(s).</source>
        <translation>
            <numerusform>%n bearbeitetes Byte gespeichert.</numerusform>
            <numerusform>%n bearbeitete Bytes gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14" />
        <source>No further change found yet: the scan is still running.</source>
        <translation>Noch keine weitere Änderung gefunden: Die Suche läuft noch.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No further change in the part scanned so far.</source>
        <translation>Keine weitere Änderung im bisher durchsuchten Teil.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No more changes after the cursor.</source>
        <translation>Keine weiteren Änderungen nach dem Cursor.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No earlier change found yet: the scan is still running.</source>
        <translation>Noch keine frühere Änderung gefunden: Die Suche läuft noch.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No more changes before the cursor.</source>
        <translation>Keine weiteren Änderungen vor dem Cursor.</translation>
    </message>
    <message numerus="yes">
        <location line="+12" />
        <source>Change %1 of %2: %n byte(s) from 0x%3, clusters %4 to %5.</source>
        <translation>
            <numerusform>Änderung %1 von %2: %n Byte ab 0x%3, Cluster %4 bis %5.</numerusform>
            <numerusform>Änderung %1 von %2: %n Bytes ab 0x%3, Cluster %4 bis %5.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68" />
        <source>Searching the %1…</source>
        <translation>Suche in %1 …</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Finding all in the %1…</source>
        <translation>Alle Treffer in %1 werden gesucht …</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+11" />
        <source>Type what to search for.</source>
        <translation>Geben Sie ein, wonach gesucht werden soll.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Found at 0x%1 in the %2, after wrapping around to the start.</source>
        <translation>Gefunden bei 0x%1 in der Ansicht „%2“; die Suche wurde am Anfang fortgesetzt.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Found at 0x%1 in the %2.</source>
        <translation>Gefunden bei 0x%1 in der Ansicht „%2“.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>%1: 0x%2</source>
        <translation>%1: 0x%2</translation>
    </message>
    <message>
        <location line="-36" />
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Not found.</source>
        <translation>Nicht gefunden.</translation>
    </message>
    <message>
        <location line="+89" />
        <source>Not an offset: %1</source>
        <translation>Kein Offset: %1</translation>
    </message>
    <message>
        <location line="-125" />
        <location line="+11" />
        <source>Not hex bytes: %1</source>
        <translation>Keine Hex-Bytes: %1</translation>
    </message>
</context>
<context>
    <name>AddCow::HexSearchResultsModel</name>
    <message>
        <location filename="../widgets/hexsearchresultsmodel.cpp" line="+167" />
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes there (ASCII)</source>
        <translation>Bytes dort (ASCII)</translation>
    </message>
</context>
<context>
    <name>AddCow::HexSearchResultsView</name>
    <message>
        <location filename="../widgets/hexsearchresultsview.cpp" line="+35" />
        <source>Find All progress</source>
        <translation>Fortschritt von „Alle suchen“</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop searching; the hits found so far stay</source>
        <translation>Die Suche anhalten; die bisher gefundenen Treffer bleiben</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Find All lists every hit here.</source>
        <translation>„Alle suchen“ listet hier jeden Treffer auf.</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n hit(s) in the %1</source>
        <translation>
            <numerusform>%n Treffer in %1</numerusform>
            <numerusform>%n Treffer in %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>searching…</source>
        <translation>wird gesucht …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cancelled: there may be more.</source>
        <translation>abgebrochen: Es kann weitere geben.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>stopped at %1: there may be more.</source>
        <translation>bei %1 angehalten: Es kann weitere geben.</translation>
    </message>
</context>
<context>
    <name>AddCow::HexView</name>
    <message>
        <location filename="../widgets/hexeditcommand.cpp" line="+18" />
        <source>Edit byte at 0x%1</source>
        <translation>Byte bei 0x%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/hexview.cpp" line="+76" />
        <source>Hex view</source>
        <translation>Hex-Ansicht</translation>
    </message>
    <message>
        <location line="+311" />
        <source>Copy as &amp;Hex</source>
        <translation>Als &amp;Hex kopieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy as &amp;C Array</source>
        <translation>Als &amp;C-Array kopieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy as &amp;Base64</source>
        <translation>Als &amp;Base64 kopieren</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Select Cluster %1</source>
        <translation>Cluster %1 &amp;auswählen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Go to Cluster…</source>
        <translation>&amp;Gehe zu Cluster …</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Show in &amp;Heatmap</source>
        <translation>In der Hea&amp;tmap zeigen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Add &amp;Bookmark</source>
        <translation>&amp;Lesezeichen hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddCow::ImageActions</name>
    <message>
        <location filename="../app/imageactions.cpp" line="+109" />
        <source>&amp;New Image…</source>
        <translation>&amp;Neues Image …</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Create an add-cow image over a backing file</source>
        <translation>Ein add-cow-Image über einer Backing-Datei erstellen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Commit to Raw…</source>
        <translation>&amp;Commit in die Raw-Datei …</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+219" />
        <location line="+30" />
        <location line="+61" />
        <source>Commit to Raw</source>
        <translation>Commit in die Raw-Datei</translation>
    </message>
    <message>
        <location line="-306" />
        <source>&amp;Verify…</source>
        <translation>&amp;Verifizieren …</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Locate Backing File…</source>
        <translation>Backing-Datei &amp;suchen …</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Edit File &amp;Names…</source>
        <translation>Datei&amp;namen bearbeiten …</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Undo File Name Change</source>
        <translation>Dateinamensänderung rückgängig</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Redo File Name Change</source>
        <translation>Dateinamensänderung wiederherstellen</translation>
    </message>
    <message>
        <location line="+61" />
        <location line="+39" />
        <location line="+13" />
        <source>No image is open.</source>
        <translation>Es ist kein Image geöffnet.</translation>
    </message>
    <message>
        <location line="-50" />
        <location line="+39" />
        <location line="+13" />
        <source>The image is being opened.</source>
        <translation>Das Image wird geöffnet.</translation>
    </message>
    <message>
        <location line="-50" />
        <source>The image cannot be read: %1</source>
        <translation>Das Image kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file cannot be read, and a commit copies its data: %1</source>
        <translation>Die Backing-Datei kann nicht gelesen werden, und ein Commit kopiert ihre Daten: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image has errors; see the Findings panel. Only an image without errors can be committed.</source>
        <translation>Das Image hat Fehler; siehe die Befunde. Nur ein Image ohne Fehler kann übernommen werden.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Already committed: the raw image file is the whole disk (ALL_ALLOCATED, R14).</source>
        <translation>Bereits übernommen: Die Raw-Image-Datei ist die ganze Disk (ALL_ALLOCATED, R14).</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+48" />
        <source>The image is open for editing; turn off Edit › Allow Editing first.</source>
        <translation>Das Image ist zum Bearbeiten geöffnet; schalten Sie zuerst Bearbeiten › Bearbeitung erlauben aus.</translation>
    </message>
    <message>
        <location line="-46" />
        <location line="+48" />
        <source>A job is running on this image.</source>
        <translation>Auf diesem Image läuft ein Auftrag.</translation>
    </message>
    <message>
        <location line="-44" />
        <source>The image file %1 is missing.</source>
        <translation>Die Image-Datei %1 fehlt.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file %1 is missing.</source>
        <translation>Die Backing-Datei %1 fehlt.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 is read-only; the commit writes to it.</source>
        <translation>%1 ist schreibgeschützt; der Commit schreibt hinein.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 is open for writing in another program (for example a virtual machine). Close it first.</source>
        <translation>%1 ist in einem anderen Programm zum Schreiben geöffnet (zum Beispiel einer virtuellen Maschine). Schließen Sie es zuerst.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>A verify is running.</source>
        <translation>Eine Verifizierung läuft.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file cannot be read, and a verify reads the whole disk: %1</source>
        <translation>Die Backing-Datei kann nicht gelesen werden, und eine Prüfung liest die ganze Disk: %1</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+14" />
        <source>The header's names cannot be read.</source>
        <translation>Die Namen im Header können nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The image has no backing file.</source>
        <translation>Das Image hat keine Backing-Datei.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The backing file %1 is where the header says.</source>
        <translation>Die Backing-Datei %1 liegt dort, wo der Header es angibt.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Copy the clusters still read from the backing file into the raw image file, so it alone is the whole disk (R19)</source>
        <translation>Die noch aus der Backing-Datei gelesenen Cluster in die Raw-Image-Datei kopieren, sodass sie allein die ganze Disk ist (R19)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check every rule and read the whole virtual disk: findings, unreadable ranges and its SHA-256</source>
        <translation>Jede Regel prüfen und die ganze virtuelle Disk lesen: Befunde, unlesbare Bereiche und ihr SHA-256</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change the stored image and backing file names, for example after the files moved</source>
        <translation>Die gespeicherten Namen der Image- und Backing-Datei ändern, zum Beispiel nachdem die Dateien verschoben wurden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The backing file is missing or cannot be read: choose where it is now</source>
        <translation>Die Backing-Datei fehlt oder kann nicht gelesen werden: Wählen Sie, wo sie jetzt liegt</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The file names are being rewritten.</source>
        <translation>Die Dateinamen werden neu geschrieben.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No file name change to undo.</source>
        <translation>Keine Dateinamensänderung zum Rückgängigmachen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Put back the file names as they were before: %1</source>
        <translation>Die Dateinamen wie zuvor wiederherstellen: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No file name change to redo.</source>
        <translation>Keine Dateinamensänderung zum Wiederherstellen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apply the undone file name change again: %1</source>
        <translation>Die rückgängig gemachte Dateinamensänderung erneut anwenden: %1</translation>
    </message>
    <message>
        <location line="+36" />
        <location line="+30" />
        <source>%1 cannot be committed.</source>
        <translation>%1 kann nicht übernommen werden.</translation>
    </message>
    <message>
        <location line="-22" />
        <source>Working out what the commit has to copy…</source>
        <translation>Es wird ermittelt, was der Commit kopieren muss …</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Commit %1 to %2</source>
        <translation>Commit von %1 in %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The clusters copied so far are kept; Commit to Raw resumes from there.</source>
        <translation>Die bisher kopierten Cluster bleiben erhalten; Commit in die Raw-Datei macht dort weiter.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Commit finished: the raw image file is the whole disk</source>
        <translation>Commit abgeschlossen: Die Raw-Image-Datei ist die ganze Disk</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Commit cancelled: the clusters copied so far are kept; Commit to Raw resumes from there</source>
        <translation>Commit abgebrochen: Die bisher kopierten Cluster bleiben erhalten; Commit in die Raw-Datei macht dort weiter</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The commit of %1 failed.</source>
        <translation>Der Commit von %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1

The clusters committed before the error are kept; the image stays consistent.</source>
        <translation>%1

Die vor dem Fehler übernommenen Cluster bleiben erhalten; das Image bleibt konsistent.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Remove Files</source>
        <translation>Dateien entfernen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Some files could not be removed.</source>
        <translation>Einige Dateien konnten nicht entfernt werden.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <location line="-335" />
        <location line="+344" />
        <location line="+28" />
        <location line="+55" />
        <source>Verify</source>
        <translation>Verifizieren</translation>
    </message>
    <message>
        <location line="-83" />
        <source>The image cannot be verified now.</source>
        <translation>Das Image kann jetzt nicht verifiziert werden.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Verify %1</source>
        <translation>%1 verifizieren</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Verify cancelled</source>
        <translation>Verifizierung abgebrochen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 could not be verified.</source>
        <translation>%1 konnte nicht verifiziert werden.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>%1: no problems found.</source>
        <translation>%1: keine Probleme gefunden.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 error(s), %3 warning(s), %4 unreadable range(s).</source>
        <translation>%1: %2 Fehler, %3 Warnung(en), %4 unlesbare(r) Bereich(e).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>SHA-256 of the virtual disk:
%1</source>
        <translation>SHA-256 der virtuellen Disk:
%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The data pass did not run to the end; no SHA-256.</source>
        <translation>Der Datendurchlauf lief nicht bis zum Ende; kein SHA-256.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unreadable: bytes 0x%1–0x%2 (%3)</source>
        <translation>Unlesbar: Bytes 0x%1–0x%2 (%3)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>… and %1 more unreadable ranges (marked in the map)</source>
        <translation>… und %1 weitere unlesbare Bereiche (in der Karte markiert)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The findings are listed in the Findings panel.</source>
        <translation>Die Befunde stehen in der Befundliste.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The verify found problems: no file was removed</source>
        <translation>Die Verifizierung hat Probleme gefunden: Keine Datei wurde entfernt</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+80" />
        <location line="+38" />
        <source>Edit File Names</source>
        <translation>Dateinamen bearbeiten</translation>
    </message>
    <message>
        <location line="-118" />
        <location line="+80" />
        <source>The file names cannot be changed now.</source>
        <translation>Die Dateinamen können jetzt nicht geändert werden.</translation>
    </message>
    <message>
        <location line="-61" />
        <location line="+24" />
        <location line="+8" />
        <source>Locate Backing File</source>
        <translation>Backing-Datei suchen</translation>
    </message>
    <message>
        <location line="-32" />
        <source>The backing file cannot be changed now.</source>
        <translation>Die Backing-Datei kann jetzt nicht geändert werden.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Locate the Backing File “%1”</source>
        <translation>Die Backing-Datei „%1“ suchen</translation>
    </message>
    <message>
        <location line="+18" />
        <location line="+8" />
        <source>%1 cannot be the backing file of %2.</source>
        <translation>%1 kann nicht die Backing-Datei von %2 sein.</translation>
    </message>
    <message>
        <location line="+53" />
        <source>Rewrite the file names in %1</source>
        <translation>Die Dateinamen in %1 neu schreiben</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The file names in %1 could not be rewritten; the file is unchanged.</source>
        <translation>Die Dateinamen in %1 konnten nicht neu geschrieben werden; die Datei ist unverändert.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>File names rewritten</source>
        <translation>Dateinamen neu geschrieben</translation>
    </message>
</context>
<context>
    <name>AddCow::JobPanel</name>
    <message>
        <location filename="../widgets/jobpanel.cpp" line="+49" />
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Time Left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Cancel Job…</source>
        <translation>Auftrag abbrechen …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop the selected job; what it has done so far stays consistent</source>
        <translation>Den gewählten Auftrag anhalten; was er bisher getan hat, bleibt konsistent</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show Report…</source>
        <translation>Bericht anzeigen …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show what the selected job did</source>
        <translation>Zeigen, was der gewählte Auftrag getan hat</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Clear Finished</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove finished jobs from the list</source>
        <translation>Beendete Aufträge aus der Liste entfernen</translation>
    </message>
    <message>
        <location line="+73" />
        <source>The files stay consistent.</source>
        <translation>Die Dateien bleiben konsistent.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel Job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <location line="+214" />
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="-75" />
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="-139" />
        <source>Cancel “%1”?</source>
        <translation>„%1“ abbrechen?</translation>
    </message>
    <message>
        <location line="+61" />
        <source>&amp;Cancel Job…</source>
        <translation>Auftrag &amp;abbrechen …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show &amp;Report…</source>
        <translation>Bericht an&amp;zeigen …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save Report…</source>
        <translation>Bericht &amp;speichern …</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy &amp;Description</source>
        <translation>&amp;Beschreibung kopieren</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy &amp;Path</source>
        <translation>&amp;Pfad kopieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>C&amp;lear Finished</source>
        <translation>Beendete &amp;entfernen</translation>
    </message>
    <message>
        <location line="+100" />
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Done with warnings</source>
        <translation>Fertig mit Warnungen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Done, problems found</source>
        <translation>Fertig, Probleme gefunden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Serving</source>
        <translation>Stellt bereit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>AddCow::LanguageDialog</name>
    <message>
        <location filename="../app/languagedialog.cpp" line="+39" />
        <source>Switch Application Language</source>
        <translation>Anwendungssprache wechseln</translation>
    </message>
    <message>
        <location line="+3" />
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The new language is used from the next start of AddCow Studio.</source>
        <translation>Die neue Sprache wird ab dem nächsten Start von AddCow Studio verwendet.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>AddCow::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="+110" />
        <location line="+628" />
        <source>AddCow Studio</source>
        <translation>AddCow Studio</translation>
    </message>
    <message>
        <location line="-583" />
        <source>Job started; see the Jobs panel</source>
        <translation>Auftrag gestartet; siehe die Auftragsliste</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+580" />
        <source>No image open</source>
        <translation>Kein Image geöffnet</translation>
    </message>
    <message>
        <location line="-643" />
        <source>Open an add-cow image with File › Open (%1), pick one from File › Open Recent, or drop a .add-cow file here.</source>
        <translation>Öffnen Sie ein add-cow-Image mit Datei › Öffnen (%1), wählen Sie eines unter Datei › Zuletzt geöffnet oder ziehen Sie eine .add-cow-Datei hierher.</translation>
    </message>
    <message>
        <location line="+97" />
        <source>&amp;Reopen</source>
        <translation>&amp;Erneut öffnen</translation>
    </message>
    <message>
        <location line="+102" />
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search Results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location line="+74" />
        <source>%1: bytes %2–%3</source>
        <translation>%1: Bytes %2–%3</translation>
    </message>
    <message>
        <location line="+24" />
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open an add-cow image</source>
        <translation>Ein add-cow-Image öffnen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Read the image again from disk</source>
        <translation>Das Image erneut von der Festplatte lesen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Close Image</source>
        <translation>Image &amp;schließen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export Heatmap as &amp;PNG…</source>
        <translation>Heatmap als &amp;PNG exportieren …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export Map as &amp;JSON…</source>
        <translation>Karte als &amp;JSON exportieren …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export Map as &amp;CSV…</source>
        <translation>Karte als &amp;CSV exportieren …</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Go To…</source>
        <translation>&amp;Gehe zu …</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+410" />
        <source>Go to a cluster or an offset of the virtual disk</source>
        <translation>Zu einem Cluster oder einem Offset der virtuellen Disk gehen</translation>
    </message>
    <message>
        <location line="-407" />
        <source>Allow &amp;Editing</source>
        <translation>&amp;Bearbeitung erlauben</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Write Edits to Disk</source>
        <translation>Änderungen auf die Festplatte &amp;schreiben</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;About AddCow Studio</source>
        <translation>&amp;Über AddCow Studio</translation>
    </message>
    <message>
        <location line="+7" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+20" />
        <source>&amp;Image</source>
        <translation>&amp;Image</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;What is add-cow?</source>
        <translation>&amp;Was ist add-cow?</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Switch Application &amp;Language…</source>
        <translation>Anwendungs&amp;sprache wechseln …</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+61" />
        <source>Open add-cow Image</source>
        <translation>add-cow-Image öffnen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>add-cow images (*.add-cow);;All files (*)</source>
        <translation>add-cow-Images (*.add-cow);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+1" />
        <location line="+3" />
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Cannot Open Image</source>
        <translation>Image kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 cannot be opened.</source>
        <translation>%1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+36" />
        <source>%1 — AddCow Studio</source>
        <translation>%1 — AddCow Studio</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The backing file cannot be read: %1
The map and the raw image file are shown; the bytes the virtual disk takes from the backing file are not (·· in the hex views).</source>
        <translation>Die Backing-Datei kann nicht gelesen werden: %1
Die Karte und die Raw-Image-Datei werden angezeigt; die Bytes, die die virtuelle Disk aus der Backing-Datei nimmt, nicht (·· in den Hex-Ansichten).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Opened %1 without its backing file</source>
        <translation>%1 ohne seine Backing-Datei geöffnet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Opened %1; see the Findings panel for what the check found</source>
        <translation>%1 geöffnet; siehe die Befundliste für das Ergebnis der Prüfung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opened %1; no problems found</source>
        <translation>%1 geöffnet; keine Probleme gefunden</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The image cannot be opened.</source>
        <translation>Das Image kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only the header of %1 can be shown</source>
        <translation>Nur der Header von %1 kann angezeigt werden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The virtual disk cannot be read, so the map and the hex views are off:
%1

The Header and Findings panels show what is stored and every rule it breaks.</source>
        <translation>Die virtuelle Disk kann nicht gelesen werden, daher sind Karte und Hex-Ansichten aus:
%1

Die Header- und Befundliste zeigen, was gespeichert ist, und jede Regel, die es verletzt.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Opened %1 header-only; the disk cannot be read</source>
        <translation>%1 nur mit Header geöffnet; die Disk kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+36" />
        <source>%1 stays open for writing.</source>
        <translation>%1 bleibt zum Schreiben geöffnet.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 was removed or renamed by another program. What is shown is the file as it was opened.</source>
        <translation>%1 wurde von einem anderen Programm entfernt oder umbenannt. Angezeigt wird die Datei, wie sie geöffnet wurde.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 was replaced or changed by another program. Reopen the image to see it as it is now.</source>
        <translation>%1 wurde von einem anderen Programm ersetzt oder geändert. Öffnen Sie das Image erneut, um es im aktuellen Zustand zu sehen.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>No image is open</source>
        <translation>Es ist kein Image geöffnet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only the header can be shown: %1</source>
        <translation>Nur der Header kann angezeigt werden: %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Save the whole map as a PNG picture</source>
        <translation>Die ganze Karte als PNG-Bild speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the runs of image, backing and zero data as JSON</source>
        <translation>Die Abschnitte mit Image-, Backing- und Nulldaten als JSON speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the runs of image, backing and zero data as CSV</source>
        <translation>Die Abschnitte mit Image-, Backing- und Nulldaten als CSV speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show fewer clusters per block</source>
        <translation>Weniger Cluster pro Block zeigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show more clusters per block</source>
        <translation>Mehr Cluster pro Block zeigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit the whole disk in the map</source>
        <translation>Die ganze Disk in die Karte einpassen</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Open the image for writing and type into the virtual disk view (copy-on-write, R18)</source>
        <translation>Das Image zum Schreiben öffnen und in der Ansicht der virtuellen Disk tippen (Copy-on-Write, R18)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The backing file cannot be read, and writes copy its bytes: %1</source>
        <translation>Die Backing-Datei kann nicht gelesen werden, und Schreibvorgänge kopieren ihre Bytes: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Write the pending edits to the image file, then set their bitmap bits (R18)</source>
        <translation>Die ausstehenden Änderungen in die Image-Datei schreiben, dann ihre Bitmap-Bits setzen (R18)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Allow editing first (Edit › Allow Editing)</source>
        <translation>Erst die Bearbeitung erlauben (Bearbeiten › Bearbeitung erlauben)</translation>
    </message>
    <message numerus="yes">
        <location line="+187" />
        <source>Wrote %n edited byte(s)</source>
        <translation>
            <numerusform>%n bearbeitetes Byte geschrieben</numerusform>
            <numerusform>%n bearbeitete Bytes geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location line="-131" />
        <source>bytes %1–%2</source>
        <translation>Bytes %1–%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cluster %1 (%2, %3)</source>
        <translation>Cluster %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Clusters %1–%2 (%3 clusters, %4)</source>
        <translation>Cluster %1–%2 (%3 Cluster, %4)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Offset %1 (cluster %2)</source>
        <translation>Offset %1 (Cluster %2)</translation>
    </message>
    <message>
        <location line="+61" />
        <location line="+13" />
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="-12" />
        <source>The virtual disk has edits that are not written yet. Write them now?</source>
        <translation>Die virtuelle Disk hat Änderungen, die noch nicht geschrieben sind. Jetzt schreiben?</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+37" />
        <source>The edits could not be written:
%1</source>
        <translation>Die Änderungen konnten nicht geschrieben werden:
%1</translation>
    </message>
    <message>
        <location line="-273" />
        <source>Opening %1 for writing…</source>
        <translation>%1 wird zum Schreiben geöffnet …</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Allow Editing</source>
        <translation>Bearbeitung erlauben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 cannot be opened for writing.</source>
        <translation>%1 kann nicht zum Schreiben geöffnet werden.</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Editing: type into the virtual disk view, then Edit › Write Edits to Disk (%1)</source>
        <translation>Bearbeitung: In der Ansicht der virtuellen Disk tippen, dann Bearbeiten › Änderungen auf die Festplatte schreiben (%1)</translation>
    </message>
    <message>
        <location line="+102" />
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 does not exist any more.</source>
        <translation>%1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+164" />
        <source>Write Edits</source>
        <translation>Änderungen schreiben</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+9" />
        <source>Export Heatmap</source>
        <translation>Heatmap exportieren</translation>
    </message>
    <message>
        <location line="-7" />
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Saved the heatmap to %1</source>
        <translation>Heatmap in %1 gespeichert</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export Map as JSON</source>
        <translation>Karte als JSON exportieren</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export Map as CSV</source>
        <translation>Karte als CSV exportieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Export the map of %1 as JSON</source>
        <translation>Die Karte von %1 als JSON exportieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export the map of %1 as CSV</source>
        <translation>Die Karte von %1 als CSV exportieren</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Jobs Are Running</source>
        <translation>Aufträge laufen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Some jobs have not finished. Cancel them and quit?

Cancelled jobs leave the files consistent; a commit can be resumed later.</source>
        <translation>Einige Aufträge sind nicht fertig. Abbrechen und beenden?

Abgebrochene Aufträge lassen die Dateien konsistent; ein Commit kann später fortgesetzt werden.</translation>
    </message>
</context>
<context>
    <name>AddCow::NameChangeCommand</name>
    <message>
        <location filename="../app/namechangecommand.cpp" line="+16" />
        <source>File Name Change</source>
        <translation>Dateinamensänderung</translation>
    </message>
</context>
<context>
    <name>AddCow::PartitionsPanel</name>
    <message>
        <location filename="../app/partitionspanel.cpp" line="+28" />
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
</context>
<context>
    <name>AddCow::PartitionsView</name>
    <message>
        <location filename="../widgets/partitionsview.cpp" line="+71" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Allocated</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The partition's number, as Linux names it (sda1, sda5), and its colour on the map</source>
        <translation>Die Nummer der Partition, wie Linux sie benennt (sda1, sda5), und ihre Farbe in der Karte</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clusters of the partition that are in the image file (written), of all its clusters</source>
        <translation>Cluster der Partition, die in der Image-Datei liegen (geschrieben), von allen ihren Clustern</translation>
    </message>
    <message>
        <location line="+81" />
        <location line="+188" />
        <source>Reading the partition table…</source>
        <translation>Die Partitionstabelle wird gelesen …</translation>
    </message>
    <message>
        <location line="-177" />
        <source>The partition table cannot be read.</source>
        <translation>Die Partitionstabelle kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No image open</source>
        <translation>Kein Image geöffnet</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Partition %1, %2</source>
        <translation>Partition %1, %2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Type: %1</source>
        <translation>Typ: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition GUID: %1</source>
        <translation>Partitions-GUID: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bootable</source>
        <translation>Bootfähig</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attributes: 0x%1</source>
        <translation>Attribute: 0x%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Byte %1 (0x%2), sector %3</source>
        <translation>Byte %1 (0x%2), Sektor %3</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 bytes, %2 sectors of %3 bytes; ends before byte %4 (0x%5)</source>
        <translation>%1 Bytes, %2 Sektoren zu %3 Bytes; endet vor Byte %4 (0x%5)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The partition table has errors and is not used.</source>
        <translation>Die Partitionstabelle hat Fehler und wird nicht verwendet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No partition table on this disk</source>
        <translation>Keine Partitionstabelle auf dieser Disk</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The partition table lists no partitions</source>
        <translation>Die Partitionstabelle enthält keine Partitionen</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 of the partition's %2 clusters of 64 KiB are read from the image file (written since the image was created)</source>
        <translation>%1 der %2 Cluster zu 64 KiB der Partition werden aus der Image-Datei gelesen (seit dem Erstellen des Images geschrieben)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>1 partition</source>
        <translation>1 Partition</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 partitions</source>
        <translation>%1 Partitionen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1, %2-byte sectors, %3</source>
        <comment>scheme, sector size, partition count</comment>
        <translation>%1, %2-Byte-Sektoren, %3</translation>
    </message>
    <message>
        <location line="+5" />
        <source>, read from the backup GPT</source>
        <translation>, aus der Backup-GPT gelesen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(reading again…)</source>
        <translation>(wird erneut gelesen …)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Disk identifier: %1</source>
        <translation>Disk-Kennung: %1</translation>
    </message>
    <message>
        <location line="+38" />
        <source>&amp;Select Clusters on the Map</source>
        <translation>Cluster in der Karte aus&amp;wählen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show &amp;Start in the Hex Views</source>
        <translation>&amp;Anfang in den Hex-Ansichten zeigen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show Table &amp;Entry in the Hex Views</source>
        <translation>Tabellen&amp;eintrag in den Hex-Ansichten zeigen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The %1 bytes of the partition table that describe this partition</source>
        <translation>Die %1 Bytes der Partitionstabelle, die diese Partition beschreiben</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>AddCow::ProblemLabel</name>
    <message>
        <location filename="../app/problemlabel.cpp" line="+31" />
        <source>Rule R%1: %2</source>
        <translation>Regel R%1: %2</translation>
    </message>
</context>
<context>
    <name>AddCow::ReportDialog</name>
    <message>
        <location filename="../widgets/reportdialog.cpp" line="+27" />
        <location line="+27" />
        <source>Job Report</source>
        <translation>Auftragsbericht</translation>
    </message>
    <message>
        <location line="-21" />
        <source>Save As…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the report as plain text (.txt) or HTML (.html)</source>
        <translation>Den Bericht als reinen Text (.txt) oder HTML (.html) speichern</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Report: %1</source>
        <translation>Bericht: %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 of %2 (%3 bytes of %4)</source>
        <translation>%1 von %2 (%3 Bytes von %4)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1, %2/s</source>
        <translation>%1, %2/s</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+21" />
        <source>Job report</source>
        <translation>Auftragsbericht</translation>
    </message>
    <message>
        <location line="-17" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Messages:</source>
        <translation>Meldungen:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Could not save the report to %1: %2</source>
        <translation>Der Bericht konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Plain text (*.txt)</source>
        <translation>Reiner Text (*.txt)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>HTML (*.html *.htm)</source>
        <translation>HTML (*.html *.htm)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+7" />
        <source>Save Report</source>
        <translation>Bericht speichern</translation>
    </message>
</context>
<context>
    <name>AddCow::ServeActions</name>
    <message>
        <location filename="../app/serveactions.cpp" line="+25" />
        <source>&amp;Serve to a Virtual Machine…</source>
        <translation>Für eine virtuelle Maschine &amp;bereitstellen …</translation>
    </message>
    <message>
        <location line="+41" />
        <source>No image is open.</source>
        <translation>Es ist kein Image geöffnet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image is being opened.</source>
        <translation>Das Image wird geöffnet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image cannot be served: %1</source>
        <translation>Das Image kann nicht bereitgestellt werden: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file cannot be read, so a virtual machine could not read its disk: %1</source>
        <translation>Die Backing-Datei kann nicht gelesen werden, daher könnte eine virtuelle Maschine ihre Disk nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>End the edit session first (Edit › Allow Editing): the server needs the image's write locks.</source>
        <translation>Beenden Sie zuerst die Bearbeitungssitzung (Bearbeiten › Bearbeitung erlauben): Der Server braucht die Schreibsperren des Images.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Wait for “%1” to finish.</source>
        <translation>Warten Sie, bis „%1“ abgeschlossen ist.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Show how to connect to the running server, or stop it</source>
        <translation>Zeigen, wie man sich mit dem laufenden Server verbindet, oder ihn anhalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Serve the virtual disk over NBD to QEMU or another NBD client</source>
        <translation>Die virtuelle Disk über NBD für QEMU oder einen anderen NBD-Client bereitstellen</translation>
    </message>
</context>
<context>
    <name>AddCow::ServeDialog</name>
    <message>
        <location filename="../app/servedialog.cpp" line="+47" />
        <source>&amp;Read-only: clients cannot write</source>
        <translation>Nur &amp;lesen: Clients können nicht schreiben</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Start Serving</source>
        <translation>Bereitstellen &amp;starten</translation>
    </message>
    <message>
        <location line="+3" />
        <source>S&amp;top Serving</source>
        <translation>Bereitstellen &amp;beenden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Serve to a Virtual Machine</source>
        <translation>Für eine virtuelle Maschine bereitstellen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&lt;b&gt;Serve %1 over NBD&lt;/b&gt;, so that a virtual machine (QEMU, libvirt) or another NBD client uses its virtual disk, with nbdkit and the addcow plugin.&lt;br&gt;Writes are copy-on-write; a write is durable after the client's next flush. While it is served the image is locked: nothing else writes it, this window included, and its map follows the writes.</source>
        <translation>&lt;b&gt;%1 über NBD bereitstellen&lt;/b&gt;, damit eine virtuelle Maschine (QEMU, libvirt) oder ein anderer NBD-Client die virtuelle Disk verwendet, mit nbdkit und dem addcow-Plugin.&lt;br&gt;Schreibvorgänge sind Copy-on-Write; ein Schreibvorgang ist nach dem nächsten Flush des Clients dauerhaft gesichert. Während der Bereitstellung ist das Image gesperrt: Nichts anderes schreibt hinein, auch dieses Fenster nicht, und seine Karte folgt den Schreibvorgängen.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Unix socket:</source>
        <translation>&amp;Unix-Socket:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>TCP &amp;port:</source>
        <translation>TCP-&amp;Port:</translation>
    </message>
    <message>
        <location line="+11" />
        <source>127.0.0.1 (this computer only)</source>
        <translation>127.0.0.1 (nur dieser Computer)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>on &amp;address:</source>
        <translation>an &amp;Adresse:</translation>
    </message>
    <message>
        <location line="+29" />
        <source>NBD URI:</source>
        <translation>NBD-URI:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>QEMU:</source>
        <translation>QEMU:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>qemu-img:</source>
        <translation>qemu-img:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>nbdinfo:</source>
        <translation>nbdinfo:</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Closes the connections, flushes everything written and releases the locks</source>
        <translation>Schließt die Verbindungen, sichert alles Geschriebene dauerhaft und gibt die Sperren frei</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copies the line to the clipboard</source>
        <translation>Kopiert die Zeile in die Zwischenablage</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Serve %1 to a virtual machine</source>
        <translation>%1 für eine virtuelle Maschine bereitstellen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Connected clients are disconnected; everything they wrote is flushed to the image first.</source>
        <translation>Verbundene Clients werden getrennt; alles, was sie geschrieben haben, wird vorher dauerhaft im Image gesichert.</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Stopping: closing the connections and flushing everything written…</source>
        <translation>Wird angehalten: Die Verbindungen werden geschlossen und alles Geschriebene wird dauerhaft gesichert …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Serving %1.&lt;/b&gt; Clients can connect now: start the virtual machine with the QEMU line, or use the NBD URI with any NBD client.</source>
        <translation>&lt;b&gt;%1 wird bereitgestellt.&lt;/b&gt; Clients können sich jetzt verbinden: Starten Sie die virtuelle Maschine mit der QEMU-Zeile oder verwenden Sie die NBD-URI mit einem beliebigen NBD-Client.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Starting nbdkit for %1…</source>
        <translation>nbdkit wird für %1 gestartet …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Not served:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Nicht bereitgestellt:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Stopped.&lt;/b&gt; Everything written is flushed and the locks are released.</source>
        <translation>&lt;b&gt;Angehalten.&lt;/b&gt; Alles Geschriebene ist dauerhaft gesichert und die Sperren sind freigegeben.</translation>
    </message>
</context>
<context>
    <name>AddCow::SummaryStrip</name>
    <message>
        <location filename="../widgets/summarystrip.cpp" line="+57" />
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Clusters: %1 of %2 allocated (%3 %)</source>
        <translation>Cluster: %1 von %2 belegt (%3 %)</translation>
    </message>
    <message>
        <location line="+187" />
        <location line="+38" />
        <source>Virtual size: %1</source>
        <translation>Virtuelle Größe: %1</translation>
    </message>
    <message>
        <location line="-47" />
        <source>ALL_ALLOCATED is set: every cluster is read from the image file.</source>
        <translation>ALL_ALLOCATED ist gesetzt: Jeder Cluster wird aus der Image-Datei gelesen.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>Clusters: %1, allocation unknown</source>
        <translation>Cluster: %1, Belegung unbekannt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Virtual size: unknown</source>
        <translation>Virtuelle Größe: unbekannt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clusters: unknown</source>
        <translation>Cluster: unbekannt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only the header could be read; the image could not be opened.</source>
        <translation>Nur der Header konnte gelesen werden; das Image konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No image</source>
        <translation>Kein Image</translation>
    </message>
    <message>
        <location line="+125" />
        <source>Backing file</source>
        <translation>Backing-Datei</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Image file</source>
        <translation>Image-Datei</translation>
    </message>
    <message>
        <location line="-53" />
        <source>Copy Virtual &amp;Size in Bytes</source>
        <translation>Virtuelle &amp;Größe in Bytes kopieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Summary</source>
        <translation>&amp;Zusammenfassung kopieren</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Copy .add-cow File &amp;Path</source>
        <translation>&amp;Pfad der .add-cow-Datei kopieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Image File Path</source>
        <translation>Pfad der &amp;Image-Datei kopieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Backing File Path</source>
        <translation>Pfad der &amp;Backing-Datei kopieren</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Open Containing &amp;Folder</source>
        <translation>Enthaltenden &amp;Ordner öffnen</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Backing file (%1)</source>
        <translation>Backing-Datei (%1)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: none</source>
        <translation>%1: keine</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1
Stored name: %2
Resolved path: %3</source>
        <translation>%1
Gespeicherter Name: %2
Aufgelöster Pfad: %3</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 “%2” does not exist; it is not needed because ALL_ALLOCATED is set.</source>
        <translation>%1 „%2“ existiert nicht; sie wird nicht gebraucht, weil ALL_ALLOCATED gesetzt ist.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 “%2” does not exist.</source>
        <translation>%1 „%2“ existiert nicht.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Format: %1; the disk it holds: %2</source>
        <translation>Format: %1; die enthaltene Disk: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing chain, as QEMU reports it:</source>
        <translation>Backing-Kette, wie QEMU sie meldet:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  %1 (%2)</source>
        <translation>  %1 (%2)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <location line="+4" />
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Clean</source>
        <translation>Fehlerfrei</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 (header only)</source>
        <translation>%1 (nur Header)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image could not be opened; only its header is shown.</source>
        <translation>Das Image konnte nicht geöffnet werden; nur sein Header wird angezeigt.</translation>
    </message>
</context>
<context>
    <name>AddCow::WhatIsAddCowDiagram</name>
    <message>
        <location filename="../app/whatisaddcowdiagram.cpp" line="+34" />
        <source>Backing file</source>
        <translation>Backing-Datei</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Image file (raw)</source>
        <translation>Image-Datei (raw)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Bitmap (.add-cow)</source>
        <translation>Bitmap (.add-cow)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Virtual disk</source>
        <translation>Virtuelle Disk</translation>
    </message>
    <message>
        <location line="+29" />
        <source>add-cow diagram</source>
        <translation>add-cow-Schaubild</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each bit of the bitmap selects where a cluster of the virtual disk is read from: bit 1 reads the image file, bit 0 reads the backing file.</source>
        <translation>Jedes Bit der Bitmap wählt, woher ein Cluster der virtuellen Disk gelesen wird: Bit 1 liest die Image-Datei, Bit 0 die Backing-Datei.</translation>
    </message>
</context>
<context>
    <name>AddCow::WhatIsAddCowDialog</name>
    <message>
        <location filename="../app/whatisaddcowdialog.cpp" line="+23" />
        <source>What is add-cow?</source>
        <translation>Was ist add-cow?</translation>
    </message>
    <message>
        <location line="+6" />
        <source>An add-cow image is a disk made of three files. The &lt;b&gt;backing file&lt;/b&gt; holds the original disk and is only read. The &lt;b&gt;image file&lt;/b&gt; is a plain raw file of the full disk size that receives every write. The small &lt;b&gt;.add-cow file&lt;/b&gt; holds a header naming the other two and a bitmap with one bit per 64 KiB cluster.</source>
        <translation>Ein add-cow-Image ist eine Disk aus drei Dateien. Die &lt;b&gt;Backing-Datei&lt;/b&gt; enthält die ursprüngliche Disk und wird nur gelesen. Die &lt;b&gt;Image-Datei&lt;/b&gt; ist eine einfache Raw-Datei in voller Disk-Größe, die jeden Schreibvorgang aufnimmt. Die kleine &lt;b&gt;.add-cow-Datei&lt;/b&gt; enthält einen Header, der die beiden anderen nennt, und eine Bitmap mit einem Bit pro 64-KiB-Cluster.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A bit set to 1 means the cluster is read from the image file; 0 means it still comes from the backing file, or is zero past its end.</source>
        <translation>Ein auf 1 gesetztes Bit bedeutet, dass der Cluster aus der Image-Datei gelesen wird; 0 bedeutet, dass er noch aus der Backing-Datei kommt oder hinter ihrem Ende null ist.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Writing to a cluster whose bit is 0 first copies the rest of that cluster from the backing file into the image file, then sets the bit, so a crash never leaves a half-copied cluster.</source>
        <translation>Ein Schreibvorgang in einen Cluster mit Bit 0 kopiert zuerst den Rest dieses Clusters aus der Backing-Datei in die Image-Datei und setzt dann das Bit, sodass ein Absturz nie einen halb kopierten Cluster hinterlässt.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Commit&lt;/b&gt; copies every remaining cluster into the image file. Afterwards the raw image file alone is the whole disk, and any tool can use it without the backing file.</source>
        <translation>&lt;b&gt;Commit&lt;/b&gt; kopiert jeden verbleibenden Cluster in die Image-Datei. Danach ist die Raw-Image-Datei allein die ganze Disk, und jedes Werkzeug kann sie ohne die Backing-Datei verwenden.</translation>
    </message>
</context>
<context>
    <name>PartitionBands</name>
    <message>
        <location filename="../widgets/partitionbands.cpp" line="+33" />
        <source>%1 partition of type %2
Bytes %3 to %4 (%5)</source>
        <translation>%1-Partition vom Typ %2
Bytes %3 bis %4 (%5)</translation>
    </message>
</context>
<context>
    <name>PartitionText</name>
    <message>
        <location filename="../widgets/partitiontext.cpp" line="+32" />
        <source>Bytes 510–511 hold 55 AA, but slot %1 has boot indicator %2 (only 0x00 and 0x80 are valid): this is a boot sector, not a partition table.</source>
        <translation>Die Bytes 510–511 enthalten 55 AA, aber Eintrag %1 hat den Boot-Indikator %2 (nur 0x00 und 0x80 sind gültig): Das ist ein Bootsektor, keine Partitionstabelle.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Slots %1 and %2 are both extended partitions; an MBR has at most one.</source>
        <translation>Die Einträge %1 und %2 sind beide erweiterte Partitionen; ein MBR hat höchstens eine.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The extended boot record at byte %1 does not end in 55 AA.</source>
        <translation>Der Extended Boot Record bei Byte %1 endet nicht mit 55 AA.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The extended boot record at byte %1 links back to the one at byte %2: the chain loops.</source>
        <translation>Der Extended Boot Record bei Byte %1 verweist zurück auf den bei Byte %2: Die Kette bildet eine Schleife.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The chain of extended boot records is longer than %1.</source>
        <translation>Die Kette der Extended Boot Records ist länger als %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The extended boot record at byte %1 links to byte %2, outside the extended partition.</source>
        <translation>Der Extended Boot Record bei Byte %1 verweist auf Byte %2, außerhalb der erweiterten Partition.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Logical partition %1 reaches outside the extended partition.</source>
        <translation>Die logische Partition %1 reicht über die erweiterte Partition hinaus.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A GPT header is at LBA 1, but there is no protective MBR.</source>
        <translation>Bei LBA 1 liegt ein GPT-Header, aber es gibt keinen Schutz-MBR.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The protective MBR lists %1 other partitions too (a hybrid MBR); only the GPT is used.</source>
        <translation>Der Schutz-MBR führt auch %1 weitere Partitionen auf (ein hybrider MBR); nur die GPT wird verwendet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>There is no GPT header (signature “EFI PART”) at byte %1.</source>
        <translation>Bei Byte %1 gibt es keinen GPT-Header (Signatur „EFI PART“).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The header size %1 is not between 92 and the sector size %2.</source>
        <translation>Die Header-Größe %1 liegt nicht zwischen 92 und der Sektorgröße %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The header's stored CRC32 is %1, but its bytes give %2.</source>
        <translation>Die gespeicherte CRC32 des Headers ist %1, seine Bytes ergeben aber %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The header says it is at LBA %1, but it is at LBA %2.</source>
        <translation>Der Header gibt an, bei LBA %1 zu liegen, liegt aber bei LBA %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The entry size %1 is not 128 times a power of two up to %2.</source>
        <translation>Die Eintragsgröße %1 ist nicht 128 mal eine Zweierpotenz bis %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 entries: more than the %2 this program reads.</source>
        <translation>%1 Einträge: mehr als die %2, die dieses Programm liest.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The first usable LBA %1 is past the last usable LBA %2.</source>
        <translation>Die erste nutzbare LBA %1 liegt hinter der letzten nutzbaren LBA %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The entry array at LBA %1 (%2 bytes) overlaps the header or the usable area, or passes the disk's end.</source>
        <translation>Das Eintragsarray bei LBA %1 (%2 Bytes) überlappt den Header oder den nutzbaren Bereich oder reicht über das Ende der Disk hinaus.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The entry array's stored CRC32 is %1, but its bytes give %2.</source>
        <translation>Die gespeicherte CRC32 des Eintragsarrays ist %1, seine Bytes ergeben aber %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The primary GPT is damaged; the backup at LBA %1 is used.</source>
        <translation>Die primäre GPT ist beschädigt; die Backup-GPT bei LBA %1 wird verwendet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backup header is at LBA %1, not at the disk's last LBA %2 (the disk grew?).</source>
        <translation>Der Backup-Header liegt bei LBA %1, nicht bei der letzten LBA %2 der Disk (ist die Disk gewachsen?).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backup GPT does not describe the same partitions as the primary.</source>
        <translation>Die Backup-GPT beschreibt nicht dieselben Partitionen wie die primäre.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The last usable LBA %1 is past the disk's last LBA %2 (the disk shrank?).</source>
        <translation>Die letzte nutzbare LBA %1 liegt hinter der letzten LBA %2 der Disk (ist die Disk geschrumpft?).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition %1 ends at LBA %2, before it starts at LBA %3.</source>
        <translation>Partition %1 endet bei LBA %2, bevor sie bei LBA %3 beginnt.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition %1 is not inside the usable LBAs %2–%3.</source>
        <translation>Partition %1 liegt nicht innerhalb der nutzbaren LBAs %2–%3.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition %1 covers the partition table at byte %2.</source>
        <translation>Partition %1 überdeckt die Partitionstabelle bei Byte %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition %1 ends at byte %2, past the disk's end at byte %3.</source>
        <translation>Partition %1 endet bei Byte %2, hinter dem Ende der Disk bei Byte %3.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partitions %1 and %2 overlap.</source>
        <translation>Die Partitionen %1 und %2 überlappen sich.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No partition table</source>
        <translation>Keine Partitionstabelle</translation>
    </message>
    <message>
        <location line="+2" />
        <source>MBR</source>
        <translation>MBR</translation>
    </message>
    <message>
        <location line="+2" />
        <source>GPT</source>
        <translation>GPT</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Extended</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Logical</source>
        <translation>Logisch</translation>
    </message>
    <message>
        <location line="+2" />
        <source>GPT entry</source>
        <translation>GPT-Eintrag</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 (%2)</source>
        <comment>MBR type name (type byte)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: %2</source>
        <comment>partition number: name</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2</source>
        <comment>partition number: type</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PartitionTypes</name>
    <message>
        <location filename="../core/partitiontypes.cpp" line="+20" />
        <source>FAT12</source>
        <translation>FAT12</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FAT16 &lt;32M</source>
        <translation>FAT16 &lt;32M</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Extended</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FAT16</source>
        <translation>FAT16</translation>
    </message>
    <message>
        <location line="+1" />
        <source>HPFS/NTFS/exFAT</source>
        <translation>HPFS/NTFS/exFAT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>W95 FAT32</source>
        <translation>W95 FAT32</translation>
    </message>
    <message>
        <location line="+1" />
        <source>W95 FAT32 (LBA)</source>
        <translation>W95 FAT32 (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>W95 FAT16 (LBA)</source>
        <translation>W95 FAT16 (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>W95 Ext'd (LBA)</source>
        <translation>W95 Erw. (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden FAT12</source>
        <translation>Verstecktes FAT12</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compaq diagnostics</source>
        <translation>Compaq-Diagnose</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden FAT16 &lt;32M</source>
        <translation>Verstecktes FAT16 &lt;32M</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden FAT16</source>
        <translation>Verstecktes FAT16</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden HPFS/NTFS</source>
        <translation>Verstecktes HPFS/NTFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden W95 FAT32</source>
        <translation>Verstecktes W95 FAT32</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden W95 FAT32 (LBA)</source>
        <translation>Verstecktes W95 FAT32 (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden W95 FAT16 (LBA)</source>
        <translation>Verstecktes W95 FAT16 (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden NTFS WinRE</source>
        <translation>Verstecktes NTFS WinRE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan 9</source>
        <translation>Plan 9</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PPC PReP Boot</source>
        <translation>PPC PReP Boot</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SFS</source>
        <translation>SFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>GNU HURD or SysV</source>
        <translation>GNU HURD oder SysV</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Old Minix</source>
        <translation>Altes Minix</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minix / old Linux</source>
        <translation>Minix / altes Linux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux swap / Solaris</source>
        <translation>Linux-Swap / Solaris</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OS/2 hidden or Intel hibernation</source>
        <translation>OS/2 versteckt oder Intel-Ruhezustand</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux extended</source>
        <translation>Linux erweitert</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>NTFS volume set</source>
        <translation>NTFS-Datenträgersatz</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux plaintext</source>
        <translation>Linux Klartext</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+50" />
        <source>Linux LVM</source>
        <translation>Linux LVM</translation>
    </message>
    <message>
        <location line="-49" />
        <source>BSD/OS</source>
        <translation>BSD/OS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD</source>
        <translation>FreeBSD</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OpenBSD</source>
        <translation>OpenBSD</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Darwin UFS</source>
        <translation>Darwin UFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NetBSD</source>
        <translation>NetBSD</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Darwin boot</source>
        <translation>Darwin-Boot</translation>
    </message>
    <message>
        <location line="+1" />
        <source>HFS / HFS+</source>
        <translation>HFS / HFS+</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Solaris boot</source>
        <translation>Solaris-Boot</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Solaris</source>
        <translation>Solaris</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Non-FS data</source>
        <translation>Nicht-Dateisystem-Daten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dell Utility</source>
        <translation>Dell Utility</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+42" />
        <source>Linux extended boot</source>
        <translation>Linux Extended Boot</translation>
    </message>
    <message>
        <location line="-41" />
        <source>BeOS fs</source>
        <translation>BeOS fs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>GPT</source>
        <translation>GPT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EFI (FAT-12/16/32)</source>
        <translation>EFI (FAT-12/16/32)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EBBR protective</source>
        <translation>EBBR-Schutz</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+46" />
        <source>VMware VMFS</source>
        <translation>VMware VMFS</translation>
    </message>
    <message>
        <location line="-45" />
        <source>VMware VMKCORE</source>
        <translation>VMware VMKCORE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux raid autodetect</source>
        <translation>Linux RAID-Autoerkennung</translation>
    </message>
    <message>
        <location line="+10" />
        <source>EFI System</source>
        <translation>EFI-System</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MBR partition scheme</source>
        <translation>MBR-Partitionsschema</translation>
    </message>
    <message>
        <location line="+1" />
        <source>BIOS boot</source>
        <translation>BIOS-Boot</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PowerPC PReP boot</source>
        <translation>PowerPC PReP Boot</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft reserved</source>
        <translation>Microsoft reserviert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft basic data</source>
        <translation>Microsoft Basisdaten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft LDM metadata</source>
        <translation>Microsoft LDM-Metadaten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft LDM data</source>
        <translation>Microsoft LDM-Daten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Windows recovery environment</source>
        <translation>Windows-Wiederherstellungsumgebung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft Storage Spaces</source>
        <translation>Microsoft Speicherplätze</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux swap</source>
        <translation>Linux-Swap</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux filesystem</source>
        <translation>Linux-Dateisystem</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux server data</source>
        <translation>Linux-Serverdaten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (x86)</source>
        <translation>Linux-Root (x86)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (x86-64)</source>
        <translation>Linux-Root (x86-64)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (ARM)</source>
        <translation>Linux-Root (ARM)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (ARM-64)</source>
        <translation>Linux-Root (ARM-64)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (RISC-V-64)</source>
        <translation>Linux-Root (RISC-V-64)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux reserved</source>
        <translation>Linux reserviert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux home</source>
        <translation>Linux-Home</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux RAID</source>
        <translation>Linux RAID</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Linux variable data</source>
        <translation>Linux variable Daten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux temporary data</source>
        <translation>Linux temporäre Daten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux /usr (x86-64)</source>
        <translation>Linux /usr (x86-64)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Apple HFS/HFS+</source>
        <translation>Apple HFS/HFS+</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apple APFS</source>
        <translation>Apple APFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD boot</source>
        <translation>FreeBSD-Boot</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD data</source>
        <translation>FreeBSD-Daten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD swap</source>
        <translation>FreeBSD-Swap</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD UFS</source>
        <translation>FreeBSD UFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD ZFS</source>
        <translation>FreeBSD ZFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Solaris /usr &amp; Apple ZFS</source>
        <translation>Solaris /usr &amp; Apple ZFS</translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <location filename="../widgets/ruletext.cpp" line="+169" />
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <location line="+0" />
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 is not an add-cow image.</source>
        <translation>%1 ist kein add-cow-Image.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 uses the later add-cow layout (“ACOW”, proposed in 2013 as V18-V20), which is incompatible with add-cow v1.</source>
        <translation>%1 verwendet das spätere add-cow-Layout („ACOW“, 2013 als V18–V20 vorgeschlagen), das mit add-cow v1 nicht kompatibel ist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 has an add-cow version this program does not support.</source>
        <translation>%1 hat eine add-cow-Version, die dieses Programm nicht unterstützt.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The header of %1 is corrupt.</source>
        <translation>Der Header von %1 ist beschädigt.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 uses feature bits this program does not know.</source>
        <translation>%1 verwendet Feature-Bits, die dieses Programm nicht kennt.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 names a file format this program cannot read.</source>
        <translation>%1 nennt ein Dateiformat, das dieses Programm nicht lesen kann.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The bitmap of %1 is incomplete: bits are missing.</source>
        <translation>Die Bitmap von %1 ist unvollständig: Es fehlen Bits.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file, the image file and the .add-cow file are not three different files (%1).</source>
        <translation>Backing-Datei, Image-Datei und .add-cow-Datei sind nicht drei verschiedene Dateien (%1).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reading or writing %1 failed.</source>
        <translation>Lesen oder Schreiben von %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The access goes past the end of the virtual disk.</source>
        <translation>Der Zugriff geht über das Ende der virtuellen Disk hinaus.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 already exists and would be overwritten.</source>
        <translation>%1 existiert bereits und würde überschrieben.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image file %1 is smaller than the backing file; the backing file's tail would be lost.</source>
        <translation>Die Image-Datei %1 ist kleiner als die Backing-Datei; das Ende der Backing-Datei ginge verloren.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is in use by another program.</source>
        <translation>%1 wird von einem anderen Programm verwendet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Invalid request.</source>
        <translation>Ungültige Anfrage.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>QEMU cannot read the backing file %1.</source>
        <translation>QEMU kann die Backing-Datei %1 nicht lesen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The NBD server for %1 could not start or stopped serving.</source>
        <translation>Der NBD-Server für %1 konnte nicht starten oder hat das Bereitstellen beendet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is open read-only; nothing was written.</source>
        <translation>%1 ist schreibgeschützt geöffnet; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>All integers are little-endian, and the header, 4096 × header pages size bytes, starts at offset 0.</source>
        <translation>Alle Ganzzahlen sind Little-Endian, und der Header, 4096 × Header-Seitengröße Bytes, beginnt bei Offset 0.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 0-7 must be the magic “ADD_COW\xff”; a file that starts with “ACOW” uses the later, incompatible 2013 layout.</source>
        <translation>Die Bytes 0–7 müssen die Magic „ADD_COW\xff“ sein; eine Datei, die mit „ACOW“ beginnt, verwendet das spätere, inkompatible Layout von 2013.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 8-11 hold the version, and 1 is the only supported version.</source>
        <translation>Die Bytes 8–11 enthalten die Version, und 1 ist die einzige unterstützte Version.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 44-47 hold the header pages size, which must be between 1 and 256 (writers write 1).</source>
        <translation>Die Bytes 44–47 enthalten die Header-Seitengröße, die zwischen 1 und 256 liegen muss (Schreiber schreiben 1).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A file name's offset is 0 exactly when its size is 0; a present name lies between byte 80 and the end of the header and contains no NUL byte.</source>
        <translation>Der Offset eines Dateinamens ist genau dann 0, wenn seine Größe 0 ist; ein vorhandener Name liegt zwischen Byte 80 und dem Ende des Headers und enthält kein NUL-Byte.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image file name is required; the backing file name is optional.</source>
        <translation>Der Name der Image-Datei ist erforderlich; der Name der Backing-Datei ist optional.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 28-35 hold the features: bit 0 is ALL_ALLOCATED, and any other bit means the image cannot be opened.</source>
        <translation>Die Bytes 28–35 enthalten die Features: Bit 0 ist ALL_ALLOCATED, und jedes andere Bit bedeutet, dass das Image nicht geöffnet werden kann.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 36-43 hold the optional features, which are written as 0 and ignored when reading.</source>
        <translation>Die Bytes 36–43 enthalten die optionalen Features, die als 0 geschrieben und beim Lesen ignoriert werden.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Formats are printable ASCII padded with zeros; the backing format is empty exactly when there is no backing file, and the image format must be “raw”. A raw backing file is read natively, any other backing format through QEMU, exactly as stored (never probed).</source>
        <translation>Formate sind druckbares ASCII, mit Nullen aufgefüllt; das Backing-Format ist genau dann leer, wenn es keine Backing-Datei gibt, und das Image-Format muss „raw“ sein. Eine Raw-Backing-Datei wird direkt gelesen, jedes andere Backing-Format über QEMU, genau wie gespeichert (nie automatisch erkannt).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Header bytes from 80 on that no file name covers must be 0.</source>
        <translation>Header-Bytes ab 80, die kein Dateiname abdeckt, müssen 0 sein.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The virtual size is the image file's size; each 64 KiB cluster has one bit in the bitmap, which starts after the header and is rounded up to a multiple of 65536 bytes.</source>
        <translation>Die virtuelle Größe ist die Größe der Image-Datei; jeder 64-KiB-Cluster hat ein Bit in der Bitmap, die nach dem Header beginnt und auf ein Vielfaches von 65536 Bytes aufgerundet ist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The .add-cow file must hold every bitmap byte, and bits for clusters past the virtual size must be 0.</source>
        <translation>Die .add-cow-Datei muss jedes Bitmap-Byte enthalten, und Bits für Cluster hinter der virtuellen Größe müssen 0 sein.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A set bit means the cluster is read from the image file; a clear bit means it is read from the backing file, or is zero past its end.</source>
        <translation>Ein gesetztes Bit bedeutet, dass der Cluster aus der Image-Datei gelesen wird; ein gelöschtes Bit, dass er aus der Backing-Datei gelesen wird oder hinter ihrem Ende null ist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>With ALL_ALLOCATED set, every cluster is read from the image file and the bitmap and backing file are not used.</source>
        <translation>Mit gesetztem ALL_ALLOCATED wird jeder Cluster aus der Image-Datei gelesen, und Bitmap und Backing-Datei werden nicht verwendet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The virtual disk ends at the virtual size; reads and writes past the end are errors.</source>
        <translation>Die virtuelle Disk endet bei der virtuellen Größe; Lesen und Schreiben darüber hinaus sind Fehler.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Relative file names are resolved against the folder that holds the .add-cow file, never the current folder.</source>
        <translation>Relative Dateinamen werden gegen den Ordner aufgelöst, der die .add-cow-Datei enthält, nie gegen den aktuellen Ordner.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file, the image file and the .add-cow file must be three different files.</source>
        <translation>Backing-Datei, Image-Datei und .add-cow-Datei müssen drei verschiedene Dateien sein.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A write first copies the rest of each unallocated cluster from the backing file, makes the data durable, then sets the bitmap bits.</source>
        <translation>Ein Schreibvorgang kopiert zuerst den Rest jedes nicht belegten Clusters aus der Backing-Datei, sichert die Daten dauerhaft und setzt dann die Bitmap-Bits.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Commit copies every unallocated cluster into the image file in resumable batches, then sets ALL_ALLOCATED.</source>
        <translation>Commit kopiert jeden nicht belegten Cluster in fortsetzbaren Stapeln in die Image-Datei und setzt dann ALL_ALLOCATED.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Create writes a new header and a zeroed bitmap to a temporary file and renames it into place, never overwriting or shrinking existing files.</source>
        <translation>Erstellen schreibt einen neuen Header und eine genullte Bitmap in eine temporäre Datei und benennt sie an ihren Platz um, ohne vorhandene Dateien je zu überschreiben oder zu verkleinern.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rule R%1 of the add-cow format decisions.</source>
        <translation>Regel R%1 der add-cow-Formatentscheidungen.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>magic</source>
        <translation>Magic</translation>
    </message>
    <message>
        <location line="+2" />
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file name offset</source>
        <translation>Offset des Backing-Dateinamens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file name size</source>
        <translation>Größe des Backing-Dateinamens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file name offset</source>
        <translation>Offset des Image-Dateinamens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file name size</source>
        <translation>Größe des Image-Dateinamens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>features</source>
        <translation>Features</translation>
    </message>
    <message>
        <location line="+2" />
        <source>optional features</source>
        <translation>optionale Features</translation>
    </message>
    <message>
        <location line="+2" />
        <source>header pages size</source>
        <translation>Header-Seitengröße</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file format</source>
        <translation>Format der Backing-Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file format</source>
        <translation>Format der Image-Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>name area</source>
        <translation>Namensbereich</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file name</source>
        <translation>Name der Backing-Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file name</source>
        <translation>Name der Image-Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>COW bitmap</source>
        <translation>COW-Bitmap</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file</source>
        <translation>Backing-Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file</source>
        <translation>Image-Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>.add-cow file</source>
        <translation>.add-cow-Datei</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Field: %1.</source>
        <translation>Feld: %1.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>System error: %1.</source>
        <translation>Systemfehler: %1.</translation>
    </message>
    <message>
        <location line="-3" />
        <location line="+5" />
        <source>Details: %1.</source>
        <translation>Details: %1.</translation>
    </message>
    <message>
        <location line="-324" />
        <source>the file ends after %1 bytes, before the end of the %2-byte header</source>
        <translation>die Datei endet nach %1 Bytes, vor dem Ende des %2-Byte-Headers</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not an add-cow image: the magic is not "ADD_COW\xff"</source>
        <translation>kein add-cow-Image: Die Magic ist nicht „ADD_COW\xff“</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the file starts with "ACOW": this is the later add-cow layout (2013 proposal V18-V20), which is incompatible with add-cow v1</source>
        <translation>die Datei beginnt mit „ACOW“: Das ist das spätere add-cow-Layout (Vorschlag von 2013, V18–V20), das mit add-cow v1 nicht kompatibel ist</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unsupported add-cow version %1</source>
        <translation>nicht unterstützte add-cow-Version %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>header pages size %1 is outside 1-%2</source>
        <translation>Header-Seitengröße %1 liegt außerhalb von 1–%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 offset is 0 but its size is %2; offset 0 means no name, so the size must be 0</source>
        <translation>%1: Der Offset ist 0, die Größe aber %2; Offset 0 bedeutet „kein Name“, daher muss die Größe 0 sein</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 size is 0 but its offset is %2; a present name must be at least 1 byte</source>
        <translation>%1: Die Größe ist 0, der Offset aber %2; ein vorhandener Name muss mindestens 1 Byte lang sein</translation>
    </message>
    <message>
        <location line="+2" />
        <source>offset %1 is below 80: the name would overlap the fixed header fields</source>
        <translation>Offset %1 liegt unter 80: Der Name würde sich mit den festen Header-Feldern überschneiden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>offset %1 is above HEADER_SIZE - 2 (%2)</source>
        <translation>Offset %1 liegt über HEADER_SIZE - 2 (%2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>size %1 is not less than HEADER_SIZE - 80 (%2)</source>
        <translation>Größe %1 ist nicht kleiner als HEADER_SIZE - 80 (%2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 runs past the end of the header: offset %2 + size %3 = %4 &gt; HEADER_SIZE (%5)</source>
        <translation>%1 reicht über das Ende des Headers hinaus: Offset %2 + Größe %3 = %4 &gt; HEADER_SIZE (%5)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 contains a NUL byte at offset %2</source>
        <translation>%1 enthält bei Offset %2 ein NUL-Byte</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file name (bytes %1-%2) and the image file name (bytes %3-%4) overlap</source>
        <translation>der Name der Backing-Datei (Bytes %1–%2) und der Name der Image-Datei (Bytes %3–%4) überschneiden sich</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the file names are %1 bytes together, at most %2 fit in the header</source>
        <translation>die Dateinamen belegen zusammen %1 Bytes, höchstens %2 passen in den Header</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 must not contain a NUL byte</source>
        <translation>%1 darf kein NUL-Byte enthalten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file name is missing; it is required</source>
        <translation>der Name der Image-Datei fehlt; er ist erforderlich</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unsupported feature bits %1</source>
        <translation>nicht unterstützte Feature-Bits %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>optional features %1 are not 0 (ignored when reading)</source>
        <translation>optionale Features %1 sind nicht 0 (werden beim Lesen ignoriert)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 holds byte %2 at offset %3, outside 0x21-0x7e</source>
        <translation>%1 enthält bei Offset %3 das Byte %2, außerhalb von 0x21–0x7e</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 has non-zero bytes after its terminating NUL</source>
        <translation>%1 enthält nach dem abschließenden NUL noch Bytes ungleich null</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file format is empty but a backing file is named</source>
        <translation>das Format der Backing-Datei ist leer, aber eine Backing-Datei ist angegeben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file format is %1 but no backing file is named</source>
        <translation>das Format der Backing-Datei ist %1, aber es ist keine Backing-Datei angegeben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unsupported backing format %1</source>
        <translation>nicht unterstütztes Backing-Format %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file format is empty</source>
        <translation>das Format der Image-Datei ist leer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unsupported image format %1</source>
        <translation>nicht unterstütztes Image-Format %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing format %1 is not 1-16 printable ASCII characters</source>
        <translation>Backing-Format %1 besteht nicht aus 1–16 druckbaren ASCII-Zeichen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file's bytes look like %1, but the header says raw: they are read as raw bytes, exactly as stored; if the guest should see the disk they hold, store %1 (addcow rebase -u -F %1)</source>
        <translation>die Bytes der Backing-Datei sehen aus wie %1, aber der Header gibt raw an: Sie werden genau wie gespeichert als Raw-Bytes gelesen; soll der Gast die darin enthaltene Disk sehen, speichern Sie %1 (addcow rebase -u -F %1)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>unsupported backing format %1 (QEMU: %2)</source>
        <translation>nicht unterstütztes Backing-Format %1 (QEMU: %2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is an encrypted %2 image; encrypted backing files are not supported</source>
        <translation>%1 ist ein verschlüsseltes %2-Image; verschlüsselte Backing-Dateien werden nicht unterstützt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>QEMU cannot read it: %1</source>
        <translation>QEMU kann die Datei nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>QEMU cannot read it as %1: %2</source>
        <translation>QEMU kann die Datei nicht als %1 lesen: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is not installed; it reads backing files in formats other than raw through QEMU's block layer. Install the Debian package %2</source>
        <translation>%1 ist nicht installiert; dieses Programm liest Backing-Dateien in anderen Formaten als raw über die Blockschicht von QEMU. Installieren Sie das Debian-Paket %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 non-zero byte(s) at offset %2 that no file name covers</source>
        <translation>bei Offset %2 %1 Byte(s) ungleich null, von keinem Dateinamen abgedeckt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 more run(s) of non-zero bytes (%2 bytes) that no file name covers</source>
        <translation>weitere Abschnitte mit Bytes ungleich null, von keinem Dateinamen abgedeckt: %1 (%2 Bytes)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the .add-cow file is %1 bytes, longer than the %2 bytes the %3-byte image file needs: the image file's size changed since creation (its bitmap region of %4 bytes implies a virtual size of %5 to %6 bytes, the image file is now %3 bytes)</source>
        <translation>die .add-cow-Datei hat %1 Bytes, mehr als die %2 Bytes, die eine Image-Datei mit %3 Bytes braucht: Die Größe der Image-Datei hat sich seit dem Erstellen geändert (der Bitmap-Bereich von %4 Bytes ergibt eine virtuelle Größe von %5 bis %6 Bytes, die Image-Datei hat jetzt %3 Bytes)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the backing disk is %1 bytes, larger than the %2-byte virtual size: its last %3 bytes are not visible</source>
        <translation>die Backing-Disk hat %1 Bytes, mehr als die virtuelle Größe von %2 Bytes: Ihre letzten %3 Bytes sind nicht sichtbar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file %1 is empty: the virtual disk has no bytes, so every read and write is past its end</source>
        <translation>die Image-Datei %1 ist leer: Die virtuelle Disk hat keine Bytes, daher liegt jeder Lese- und Schreibzugriff hinter ihrem Ende</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the .add-cow file is %1 bytes, but the %2-byte image file needs %3 (%4 bitmap bytes for %5 clusters): bits are missing</source>
        <translation>die .add-cow-Datei hat %1 Bytes, aber eine Image-Datei mit %2 Bytes braucht %3 (%4 Bitmap-Bytes für %5 Cluster): Es fehlen Bits</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the .add-cow file is %1 bytes, shorter than the %2 bytes of header and rounded bitmap region; no bits are missing</source>
        <translation>die .add-cow-Datei hat %1 Bytes, weniger als die %2 Bytes aus Header und aufgerundetem Bitmap-Bereich; es fehlen keine Bits</translation>
    </message>
    <message>
        <location line="+2" />
        <source>bits are set for clusters past the last one (%1), up to cluster %2: the image file's size changed since creation (the bits imply a virtual size of at least %3 bytes, the image file is now %4 bytes)</source>
        <translation>für Cluster hinter dem letzten (%1) sind Bits gesetzt, bis Cluster %2: Die Größe der Image-Datei hat sich seit dem Erstellen geändert (die Bits ergeben eine virtuelle Größe von mindestens %3 Bytes, die Image-Datei hat jetzt %4 Bytes)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the file ends at byte %1 while its bitmap was being read up to byte %2: it shrank meanwhile</source>
        <translation>die Datei endet bei Byte %1, während ihre Bitmap bis Byte %2 gelesen wurde: Sie ist inzwischen geschrumpft</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file %1 (resolved to %2) does not exist; not needed, ALL_ALLOCATED is set</source>
        <translation>Backing-Datei %1 (aufgelöst zu %2) existiert nicht; sie wird nicht gebraucht, weil ALL_ALLOCATED gesetzt ist</translation>
    </message>
    <message>
        <location line="+2" />
        <source>ALL_ALLOCATED is set while %1 of %2 clusters have bit 0; that is fine, the bitmap is not consulted</source>
        <translation>ALL_ALLOCATED ist gesetzt, während %1 von %2 Clustern Bit 0 haben; das ist in Ordnung, die Bitmap wird nicht herangezogen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) does not exist</source>
        <translation>%1 %2 (aufgelöst zu %3) existiert nicht</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) cannot be opened: %4</source>
        <translation>%1 %2 (aufgelöst zu %3) kann nicht geöffnet werden: %4</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 cannot be made: the folder %3 does not exist</source>
        <translation>%1 %2 kann nicht angelegt werden: Der Ordner %3 existiert nicht</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 cannot be made in the folder %3: %4</source>
        <translation>%1 %2 kann im Ordner %3 nicht angelegt werden: %4</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) is a directory, not a regular file</source>
        <translation>%1 %2 (aufgelöst zu %3) ist ein Ordner, keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) is a device or special file, not a regular file</source>
        <translation>%1 %2 (aufgelöst zu %3) ist ein Gerät oder eine Spezialdatei, keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) is a block device; refusing to open it for writing</source>
        <translation>%1 %2 (aufgelöst zu %3) ist ein Blockgerät; es wird nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file %1 is the .add-cow file itself</source>
        <translation>die Image-Datei %1 ist die .add-cow-Datei selbst</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file %1 is the .add-cow file itself</source>
        <translation>die Backing-Datei %1 ist die .add-cow-Datei selbst</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file %1 and the image file %2 are the same file</source>
        <translation>die Backing-Datei %1 und die Image-Datei %2 sind dieselbe Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 already exists</source>
        <translation>%1 existiert bereits</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file exists with %1 bytes; it is never resized, so a size of %2 bytes cannot be used</source>
        <translation>die Image-Datei existiert bereits mit %1 Bytes; ihre Größe wird nie geändert, daher ist eine Größe von %2 Bytes nicht möglich</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file has %1 bytes, the backing file %2: the backing file's last %3 bytes would be lost</source>
        <translation>die Image-Datei hat %1 Bytes, die Backing-Datei %2: Die letzten %3 Bytes der Backing-Datei gingen verloren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file does not exist: give a size or a backing file</source>
        <translation>die Image-Datei existiert nicht: Geben Sie eine Größe oder eine Backing-Datei an</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit is not installed (not found on PATH); install the package '%1' (Debian: apt install %1)</source>
        <translation>nbdkit ist nicht installiert (nicht im PATH gefunden); installieren Sie das Paket „%1“ (Debian: apt install %1)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the nbdkit addcow plugin is not installed: neither %1 nor %2 exists</source>
        <translation>das addcow-Plugin für nbdkit ist nicht installiert: Weder %1 noch %2 existiert</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cannot load %1, which reads non-raw backing files over NBD (%2); install the Debian package %3</source>
        <translation>%1 kann nicht geladen werden (%2); diese Bibliothek liest Backing-Dateien in anderen Formaten als raw über NBD. Installieren Sie das Debian-Paket %3</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 lacks %2: libnbd 1.14 or later is needed</source>
        <translation>in %1 fehlt %2: libnbd 1.14 oder neuer wird benötigt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit stopped before it was ready (%1): %2</source>
        <translation>nbdkit hat sich beendet, bevor es bereit war (%1): %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit was not ready after %1 seconds</source>
        <translation>nbdkit war nach %1 Sekunden nicht bereit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit stopped by itself (%1): %2</source>
        <translation>nbdkit hat sich von selbst beendet (%1): %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit did not stop cleanly (%1); writes after the last flush may be lost: %2</source>
        <translation>nbdkit wurde nicht sauber beendet (%1); Schreibvorgänge nach dem letzten Flush sind möglicherweise verloren: %2</translation>
    </message>
    <message>
        <location line="+196" />
        <source>Rule R%1: %2</source>
        <translation>Regel R%1: %2</translation>
    </message>
</context>
<context>
    <name>UnitText</name>
    <message>
        <location filename="../widgets/unittext.cpp" line="+17" />
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+89" />
        <source>Inspect, check and edit add-cow disk images.</source>
        <translation>add-cow-Disk-Images untersuchen, prüfen und bearbeiten.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The .add-cow file to open.</source>
        <translation>Die zu öffnende .add-cow-Datei.</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Show the program in LANGUAGE (for example de or zh_CN) instead of the system's language.</source>
        <translation>Das Programm in SPRACHE (zum Beispiel de oder zh_CN) statt in der Sprache des Systems anzeigen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>LANGUAGE</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use a dark colour scheme (the Fusion style with a dark palette).</source>
        <translation>Ein dunkles Farbschema verwenden (der Fusion-Stil mit dunkler Palette).</translation>
    </message>
</context>
</TS>
