<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
  <context>
    <name>AttachmentViewer</name>
    <message>
      <location filename="../../kiosk/app/viewers/archive.py" line="61" />
      <source>Nom</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/archive.py" line="62" />
      <source>Taille</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/archive.py" line="63" />
      <source>Modifié le</source>
      <translation>Modified</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/archive.py" line="67" />
      <source>Contenu de l'archive</source>
      <translation>Archive contents</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/archive.py" line="89" />
      <source>{count} élément(s). Le contenu de l'archive n'est pas extrait.</source>
      <translation>{count} item(s). The archive's contents are not extracted.</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="12" />
      <source>le fichier est introuvable ou illisible</source>
      <translation>the file is missing or cannot be read</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="13" />
      <source>le fichier est endommagé</source>
      <translation>the file is damaged</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="15" />
      <source>ce type de fichier n'est pas pris en charge</source>
      <translation>this type of file is not supported</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="18" />
      <source>le fichier est trop grand pour être affiché</source>
      <translation>the file is too large to be shown</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="20" />
      <source>le fichier ne contient aucune donnée</source>
      <translation>the file contains no data</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="21" />
      <source>ce n'est pas un fichier texte</source>
      <translation>it is not a text file</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="22" />
      <source>ce n'est pas un classeur valide</source>
      <translation>it is not a valid workbook</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="24" />
      <source>l'image est endommagée ou d'un format inconnu</source>
      <translation>the image is damaged or in an unknown format</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="26" />
      <source>ce n'est pas un document PDF valide</source>
      <translation>it is not a valid PDF document</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="28" />
      <source>le document PDF est protégé par un mot de passe</source>
      <translation>the PDF document is password-protected</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="30" />
      <source>ce n'est pas une archive ZIP valide</source>
      <translation>it is not a valid ZIP archive</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/errors.py" line="39" />
      <source>Impossible d'afficher « {name} » : {reason}. Prévenez le surveillant avec « Signaler un problème » (le fichier ne s'ouvre pas).</source>
      <translation>Cannot show “{name}”: {reason}. Tell the invigilator with “Report a problem” (the file does not open).</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/factory.py" line="53" />
      <source>Pièce jointe : {title}</source>
      <translation>Attachment: {title}</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/factory.py" line="65" />
      <source>Fermer</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/factory.py" line="68" />
      <source>Fermer la pièce jointe</source>
      <translation>Close the attachment</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/image.py" line="50" />
      <source>Image</source>
      <translation>Image</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/image.py" line="54" />
      <location filename="../../kiosk/app/viewers/pdf.py" line="64" />
      <source>Zoom −</source>
      <translation>Zoom −</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/image.py" line="56" />
      <source>Réduire l'image</source>
      <translation>Zoom out of the image</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/image.py" line="58" />
      <location filename="../../kiosk/app/viewers/pdf.py" line="68" />
      <source>Zoom +</source>
      <translation>Zoom +</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/image.py" line="60" />
      <source>Agrandir l'image</source>
      <translation>Enlarge the image</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/image.py" line="63" />
      <location filename="../../kiosk/app/viewers/image.py" line="66" />
      <source>Taille réelle</source>
      <translation>Actual size</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/image.py" line="97" />
      <source>Description : {alt}</source>
      <translation>Description: {alt}</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/image.py" line="152" />
      <source>Zoom : {percent} %</source>
      <translation>Zoom: {percent}%</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="47" />
      <source>Document PDF</source>
      <translation>PDF document</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="56" />
      <source>◀ Page précédente</source>
      <translation>◀ Previous page</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="57" />
      <source>Page précédente</source>
      <translation>Previous page</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="60" />
      <source>Page suivante ▶</source>
      <translation>Next page ▶</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="61" />
      <source>Page suivante</source>
      <translation>Next page</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="65" />
      <source>Réduire le document</source>
      <translation>Zoom out of the document</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="69" />
      <source>Agrandir le document</source>
      <translation>Zoom into the document</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="72" />
      <source>Pleine largeur</source>
      <translation>Full width</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="73" />
      <source>Ajuster à la largeur</source>
      <translation>Fit to width</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/pdf.py" line="139" />
      <source>Page {page} sur {count}</source>
      <translation>Page {page} of {count}</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="37" />
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="40" />
      <source>Rechercher dans le tableau</source>
      <translation>Search the table</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="43" />
      <source>N'affiche que les lignes contenant ce texte, surligné.</source>
      <translation>Shows only the rows containing this text, highlighted.</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="52" />
      <source>Trier par</source>
      <translation>Sort by</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="55" />
      <source>Ordre du fichier</source>
      <translation>File order</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="60" />
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="63" />
      <source>Ordre décroissant</source>
      <translation>Descending order</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="67" />
      <source>Trier par :</source>
      <translation>Sort by:</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="76" />
      <source>Tableau</source>
      <translation>Table</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="85" />
      <source>Coin du tableau</source>
      <translation>Table corner</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="126" />
      <source>{shown} ligne(s) sur {total} contiennent « {needle} ».</source>
      <translation>{shown} of {total} row(s) contain “{needle}”.</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="133" />
      <source>{total} ligne(s).</source>
      <translation>{total} row(s).</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="173" />
      <source>Feuilles du classeur</source>
      <translation>Workbook sheets</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/spreadsheet.py" line="177" />
      <source>Feuille</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/table_model.py" line="55" />
      <source>VRAI</source>
      <translation>TRUE</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/table_model.py" line="57" />
      <source>FAUX</source>
      <translation>FALSE</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/text.py" line="93" />
      <source>Contenu du document</source>
      <translation>Document contents</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/viewers/text.py" line="97" />
      <source>Les liens vers d'autres pages ou sites sont désactivés dans le kiosque.</source>
      <translation>Links to other pages or websites are disabled in the kiosk.</translation>
    </message>
  </context>
  <context>
    <name>ItemWidget</name>
    <message>
      <location filename="../../kiosk/app/items/attachments.py" line="28" />
      <source>Pièces jointes :</source>
      <translation>Attachments:</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/attachments.py" line="33" />
      <source>Ouvrir « {title} »</source>
      <translation>Open “{title}”</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/attachments.py" line="37" />
      <source>Ouvrir la pièce jointe {title}</source>
      <translation>Open the attachment {title}</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/attachments.py" line="42" />
      <source>Fichier {name}, affiché dans le kiosque</source>
      <translation>File {name}, shown inside the kiosk</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/base.py" line="35" />
      <source>Question</source>
      <translation>Question</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/base.py" line="48" />
      <source>Consigne</source>
      <translation>Instruction</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/choices.py" line="46" />
      <source>Proposition {n}</source>
      <translation>Option {n}</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/choices.py" line="155" />
      <source>Choisissez une seule réponse</source>
      <translation>Choose one answer</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/choices.py" line="173" />
      <source>Cochez toutes les bonnes réponses</source>
      <translation>Tick every correct answer</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/fields.py" line="21" />
      <location filename="../../kiosk/app/items/fields.py" line="22" />
      <source>Votre réponse</source>
      <translation>Your answer</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/fields.py" line="40" />
      <source>Réponse attendue : un nombre (virgule décimale acceptée).</source>
      <translation>Expected answer: a number (decimal comma accepted).</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/fields.py" line="45" />
      <source>Saisissez un nombre, par exemple 12,5.</source>
      <translation>Type a number, for example 12.5.</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/fields.py" line="93" />
      <source>Réponse</source>
      <translation>Answer</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/illustration.py" line="87" />
      <source>L'image ne s'affiche pas. Sa description est ci-dessous.</source>
      <translation>The image does not display. Its description is below.</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/illustration.py" line="103" />
      <source>Description de l'image : {alt}</source>
      <translation>Image description: {alt}</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/illustration.py" line="121" />
      <location filename="../../kiosk/app/items/illustration.py" line="124" />
      <source>Agrandir l'image</source>
      <translation>Enlarge the image</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/illustration.py" line="143" />
      <source>Masquer la description de l'image</source>
      <translation>Hide the image description</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/items/illustration.py" line="145" />
      <source>Afficher la description de l'image</source>
      <translation>Show the image description</translation>
    </message>
  </context>
  <context>
    <name>ProblemDialog</name>
    <message>
      <location filename="../../kiosk/app/problem_dialog.py" line="126" />
      <location filename="../../kiosk/app/problem_dialog.py" line="127" />
      <location filename="../../kiosk/app/problem_dialog.py" line="131" />
      <source>Signaler un problème</source>
      <translation>Report a problem</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/problem_dialog.py" line="134" />
      <source>Choisissez ce qui ne va pas sur cette question. Le surveillant va venir : selon sa décision, vous continuerez cette question ou passerez à la suivante.</source>
      <translation>Choose what is wrong with this question. The invigilator will come: depending on their decision, you will continue this question or move on to the next one.</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/problem_dialog.py" line="143" />
      <location filename="../../kiosk/app/problem_dialog.py" line="144" />
      <source>Quel est le problème ?</source>
      <translation>What is the problem?</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/problem_dialog.py" line="157" />
      <source>Précisions (facultatif) :</source>
      <translation>Details (optional):</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/problem_dialog.py" line="162" />
      <source>Précisions sur le problème (facultatif)</source>
      <translation>Details about the problem (optional)</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/problem_dialog.py" line="170" />
      <location filename="../../kiosk/app/problem_dialog.py" line="173" />
      <source>Envoyer le signalement</source>
      <translation>Send the report</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/problem_dialog.py" line="177" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../kiosk/app/problem_dialog.py" line="179" />
      <source>Annuler et revenir à la question</source>
      <translation>Cancel and return to the question</translation>
    </message>
  </context>
</TS>