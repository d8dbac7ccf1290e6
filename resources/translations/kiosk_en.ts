<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CheckInScreen</name>
    <message>
        <source>Identification</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Saisissez les informations de votre convocation, puis attendez que le surveillant confirme votre présence.</source>
        <translation>Enter the details from your notice of examination, then wait for the invigilator to confirm you are present.</translation>
    </message>
    <message>
        <source>&amp;Numéro de session</source>
        <translation>&amp;Session number</translation>
    </message>
    <message>
        <source>Le numéro figurant sur votre convocation</source>
        <translation>The number printed on your notice of examination</translation>
    </message>
    <message>
        <source>&amp;Code d&apos;accès</source>
        <translation>&amp;Access code</translation>
    </message>
    <message>
        <source>Quatre lettres puis deux chiffres, affiché dans la salle</source>
        <translation>Four letters then two digits, shown in the room</translation>
    </message>
    <message>
        <source>Nom de &amp;naissance</source>
        <translation>&amp;Birth name</translation>
    </message>
    <message>
        <source>Votre nom de naissance</source>
        <translation>Your last name at birth</translation>
    </message>
    <message>
        <source>&amp;Prénom</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>Votre premier prénom</source>
        <translation>Your first given name</translation>
    </message>
    <message>
        <source>&amp;Date de naissance</source>
        <translation>&amp;Date of birth</translation>
    </message>
    <message>
        <source>Au format JJ/MM/AAAA</source>
        <translation>As DD/MM/YYYY</translation>
    </message>
    <message>
        <source>JJ/MM/AAAA</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <source>ex. : BCDF23</source>
        <translation>e.g. BCDF23</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Valider l&apos;identification</source>
        <translation>Confirm check-in</translation>
    </message>
    <message>
        <source>Remplissez tous les champs.</source>
        <translation>Please fill in every field.</translation>
    </message>
    <message>
        <source>La date de naissance doit être au format JJ/MM/AAAA.</source>
        <translation>The date of birth must be written DD/MM/YYYY.</translation>
    </message>
    <message>
        <source>Numéro de session ou code d&apos;accès incorrect. Vérifiez votre convocation.</source>
        <translation>Wrong session number or access code. Please check your notice of examination.</translation>
    </message>
    <message>
        <source>Aucun candidat de cette session ne correspond. Vérifiez l&apos;orthographe et la date, ou appelez le surveillant.</source>
        <translation>No candidate of this session matches. Check the spelling and the date, or call the invigilator.</translation>
    </message>
    <message>
        <source>Ce candidat a déjà commencé sur un autre poste. Appelez le surveillant.</source>
        <translation>This candidate has already sat the test. Please call the invigilator.</translation>
    </message>
</context>
<context>
    <name>CodeBox</name>
    <message>
        <source>Confirmer la présence du candidat</source>
        <translation>Confirm the candidate&apos;s presence</translation>
    </message>
    <message>
        <source>Autoriser la reprise du test</source>
        <translation>Allow the test to resume</translation>
    </message>
    <message>
        <source>Déverrouiller le poste</source>
        <translation>Unlock the kiosk</translation>
    </message>
    <message>
        <source>Ajouter du temps</source>
        <translation>Add time</translation>
    </message>
    <message>
        <source>Terminer le test</source>
        <translation>End the test</translation>
    </message>
    <message>
        <source>Code du surveillant : sans mot de passe, avec un code donné par la console.</source>
        <translation>Invigilator code: no password, with a code given by the console.</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <source>Action à autoriser par code</source>
        <translation>Action to authorise with a code</translation>
    </message>
    <message>
        <source>Minutes à a&amp;jouter</source>
        <translation>Minutes to a&amp;dd</translation>
    </message>
    <message>
        <source>Minutes à ajouter par code</source>
        <translation>Minutes to add with a code</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Mo&amp;tif</source>
        <translation>Rea&amp;son</translation>
    </message>
    <message>
        <source>Motif de l&apos;ajout de temps par code</source>
        <translation>Reason for the added time (code)</translation>
    </message>
    <message>
        <source>Afficher le code du poste</source>
        <translation>Show the kiosk&apos;s code</translation>
    </message>
    <message>
        <source>&amp;Réponse de la console</source>
        <translation>Console&apos;s &amp;response</translation>
    </message>
    <message>
        <source>Réponse de la console (6 caractères)</source>
        <translation>Console&apos;s response (6 characters)</translation>
    </message>
    <message>
        <source>Valider le code</source>
        <translation>Submit the code</translation>
    </message>
    <message>
        <source>Indiquez le motif de l&apos;ajout de temps.</source>
        <translation>Give the reason for the added time.</translation>
    </message>
    <message>
        <source>Code du poste : {code}</source>
        <translation>Kiosk code: {code}</translation>
    </message>
    <message>
        <source>Tapez la réponse donnée par la console.</source>
        <translation>Type the response the console gave.</translation>
    </message>
    <message>
        <source>Trop d&apos;essais : réessayez dans {minutes} min {seconds:02d} s.</source>
        <translation>Too many tries: try again in {minutes} min {seconds:02d} s.</translation>
    </message>
    <message>
        <source>Code incorrect. Essais restants avant blocage : {n}.</source>
        <translation>Wrong code. Tries left before lockout: {n}.</translation>
    </message>
</context>
<context>
    <name>EndScreen</name>
    <message>
        <source>Le test est terminé</source>
        <translation>The test is over</translation>
    </message>
    <message>
        <source>Vos réponses sont enregistrées. Vos résultats vous seront communiqués après vérification par l&apos;organisme de certification. Vous pouvez quitter la salle en silence, selon les consignes du surveillant.</source>
        <translation>Your answers are saved. You will receive your results once the certification body has checked them. You may leave the room quietly, as the invigilator instructs.</translation>
    </message>
    <message>
        <source>Espace surveillant</source>
        <translation>Invigilator area</translation>
    </message>
    <message>
        <source>Vous avez répondu à toutes les questions. Merci !</source>
        <translation>You have answered every question. Thank you!</translation>
    </message>
    <message>
        <source>Le temps est écoulé : le test s&apos;est terminé automatiquement.</source>
        <translation>Time is up: the test ended automatically.</translation>
    </message>
    <message>
        <source>Le surveillant a mis fin au test.</source>
        <translation>The invigilator ended the test.</translation>
    </message>
    <message>
        <source>Le test a été abandonné.</source>
        <translation>The test was abandoned.</translation>
    </message>
</context>
<context>
    <name>EnrolScreen</name>
    <message>
        <source>Mise en service du poste</source>
        <translation>Setting up this kiosk</translation>
    </message>
    <message>
        <source>Réservé au responsable de centre. Donnez à ce poste son numéro dans la salle et un nom : il crée ses clés et enregistre sa fiche sur la clé USB, à importer sur la console.</source>
        <translation>For the centre manager. Give this kiosk its number in the room and a name: it creates its keys and saves its record on the USB stick, to import on the console.</translation>
    </message>
    <message>
        <source>&amp;Numéro du poste</source>
        <translation>Kiosk &amp;number</translation>
    </message>
    <message>
        <source>Numéro du poste</source>
        <translation>Kiosk number</translation>
    </message>
    <message>
        <source>N&amp;om du poste</source>
        <translation>Kiosk na&amp;me</translation>
    </message>
    <message>
        <source>Nom du poste</source>
        <translation>Kiosk name</translation>
    </message>
    <message>
        <source>par exemple Poste 7</source>
        <translation>for example Kiosk 7</translation>
    </message>
    <message>
        <source>&amp;Dossier de la clé USB</source>
        <translation>USB stick &amp;folder</translation>
    </message>
    <message>
        <source>Dossier de la clé USB</source>
        <translation>USB stick folder</translation>
    </message>
    <message>
        <source>Clés USB détectées</source>
        <translation>USB sticks found</translation>
    </message>
    <message>
        <source>Enregistrer le poste</source>
        <translation>Register the kiosk</translation>
    </message>
    <message>
        <source>Continuer : importer le kit</source>
        <translation>Continue: import the kit</translation>
    </message>
    <message>
        <source>Donnez un nom au poste.</source>
        <translation>Give the kiosk a name.</translation>
    </message>
    <message>
        <source>Indiquez le dossier de la clé USB.</source>
        <translation>Give the USB stick folder.</translation>
    </message>
    <message>
        <source>Poste n° {number} « {name} » enregistré ({kiosk_id}, clé {key}).
Fiche écrite : {path}
Importez-la sur la console, puis préparez le kit du poste.</source>
        <translation>Kiosk no. {number} “{name}” registered ({kiosk_id}, key {key}).
Record written: {path}
Import it on the console, then prepare the kiosk kit.</translation>
    </message>
</context>
<context>
    <name>ErrorHandler</name>
    <message>
        <source>Un problème technique est survenu. Vos réponses déjà validées sont enregistrées. Levez la main et appelez le surveillant.</source>
        <translation>A technical problem occurred. The answers you already submitted are saved. Raise your hand and call the invigilator.</translation>
    </message>
</context>
<context>
    <name>ExportBox</name>
    <message>
        <source>&amp;Dossier de la clé USB</source>
        <translation>USB stick &amp;folder</translation>
    </message>
    <message>
        <source>Dossier de la clé USB pour l&apos;export</source>
        <translation>USB stick folder for the export</translation>
    </message>
    <message>
        <source>Clés USB détectées</source>
        <translation>USB sticks found</translation>
    </message>
    <message>
        <source>Exporter les résultats du poste</source>
        <translation>Export this kiosk&apos;s results</translation>
    </message>
    <message>
        <source>Indiquez le dossier de la clé USB.</source>
        <translation>Give the USB stick folder.</translation>
    </message>
    <message>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Export écrit : {path} ({n} épreuve(s)). Importez-le sur la console (Collecte).</source>
        <translation>Export written: {path} ({n} test(s)). Import it on the console (Collect).</translation>
    </message>
</context>
<context>
    <name>FocusWarningScreen</name>
    <message>
        <source>Question en mode focus</source>
        <translation>Focus question</translation>
    </message>
    <message>
        <source>La question suivante doit être traitée sans quitter la fenêtre du test : pas d&apos;autre fenêtre, pas d&apos;autre programme.</source>
        <translation>The next question must be answered without leaving the test window: no other window, no other program.</translation>
    </message>
    <message>
        <source>Si la fenêtre perd le focus, c&apos;est enregistré, le poste se verrouille et votre réponse à cette question ne sera pas comptée comme juste.</source>
        <translation>If the window loses focus, this is recorded, the computer locks and your answer to this question will not count as correct.</translation>
    </message>
    <message>
        <source>J&apos;ai compris, afficher la question</source>
        <translation>I understand, show the question</translation>
    </message>
</context>
<context>
    <name>InstructionsScreen</name>
    <message>
        <source>Avant de commencer</source>
        <translation>Before you start</translation>
    </message>
    <message>
        <source>Les questions s&apos;affichent une par une, dans un ordre fixé. On ne peut pas revenir en arrière.</source>
        <translation>Questions appear one at a time, in a fixed order. You cannot go back.</translation>
    </message>
    <message>
        <source>« Je valide » enregistre votre réponse et passe à la question suivante.</source>
        <translation>“Submit” saves your answer and moves to the next question.</translation>
    </message>
    <message>
        <source>« Je passe » abandonne la question : elle comptera comme non réussie.</source>
        <translation>“Skip” gives up the question: it will count as not passed.</translation>
    </message>
    <message>
        <source>Certaines questions sont chronométrées : une jauge montre le temps qui leur reste. Une réponse donnée après la fin de ce temps ne compte pas.</source>
        <translation>Some questions are timed: a gauge shows the time they have left. An answer given after that time does not count.</translation>
    </message>
    <message>
        <source>Certaines questions sont en mode focus : un écran vous prévient avant. Sur ces questions, quitter la fenêtre du test est enregistré et la réponse ne compte pas.</source>
        <translation>Some questions are focus questions: a screen warns you first. On these questions, leaving the test window is recorded and the answer does not count.</translation>
    </message>
    <message>
        <source>En cas de problème (fichier qui ne s&apos;ouvre pas, image absente…), utilisez « Signaler un problème » : le temps s&apos;arrête jusqu&apos;à la réponse du surveillant.</source>
        <translation>If something goes wrong (a file that does not open, a missing picture…), use “Report a problem”: time stops until the invigilator answers.</translation>
    </message>
    <message>
        <source>Commencer le test</source>
        <translation>Start the test</translation>
    </message>
    <message>
        <source>Le temps commence à compter</source>
        <translation>The clock starts</translation>
    </message>
    <message>
        <source>Le test comporte {n} question. Vous disposez de {total}.</source>
        <translation>The test has {n} question. You have {total}.</translation>
    </message>
    <message>
        <source>Le test comporte {n} questions. Vous disposez de {total}.</source>
        <translation>The test has {n} questions. You have {total}.</translation>
    </message>
    <message>
        <source>Ce temps inclut votre temps majoré ({pct} %).</source>
        <translation>This includes your extra time ({pct} %).</translation>
    </message>
</context>
<context>
    <name>InvigilatorPanel</name>
    <message>
        <source>Espace surveillant</source>
        <translation>Invigilator area</translation>
    </message>
    <message>
        <source>Retour à l&apos;écran du candidat</source>
        <translation>Back to the candidate&apos;s screen</translation>
    </message>
    <message>
        <source>Confirmer la présence du candidat</source>
        <translation>Confirm the candidate is present</translation>
    </message>
    <message>
        <source>Autoriser la reprise du test</source>
        <translation>Allow the test to resume</translation>
    </message>
    <message>
        <source>Déverrouiller le poste</source>
        <translation>Unlock the computer</translation>
    </message>
    <message>
        <source>Valider le signalement (question mise de côté)</source>
        <translation>Accept the report (question set aside)</translation>
    </message>
    <message>
        <source>Rejeter le signalement (retour à la question)</source>
        <translation>Dismiss the report (back to the question)</translation>
    </message>
    <message>
        <source>Minutes à a&amp;jouter</source>
        <translation>Minutes to a&amp;dd</translation>
    </message>
    <message>
        <source>Minutes à ajouter</source>
        <translation>Minutes to add</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Mo&amp;tif</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Motif de l&apos;ajout de temps</source>
        <translation>Reason for the extra time</translation>
    </message>
    <message>
        <source>Ajouter le temps</source>
        <translation>Add the time</translation>
    </message>
    <message>
        <source>Terminer le test…</source>
        <translation>End the test…</translation>
    </message>
    <message>
        <source>Confirmer : terminer le test maintenant</source>
        <translation>Confirm: end the test now</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nouvelle identification</source>
        <translation>New check-in</translation>
    </message>
    <message>
        <source>Fermer le kiosque</source>
        <translation>Close the kiosk</translation>
    </message>
    <message>
        <source>Aucun candidat identifié sur ce poste.</source>
        <translation>No candidate has checked in on this computer.</translation>
    </message>
    <message>
        <source>En attente de la confirmation de présence.</source>
        <translation>Waiting for presence to be confirmed.</translation>
    </message>
    <message>
        <source>Présence confirmée : le candidat lit les consignes.</source>
        <translation>Presence confirmed: the candidate is reading the instructions.</translation>
    </message>
    <message>
        <source>Test en cours.</source>
        <translation>Test in progress.</translation>
    </message>
    <message>
        <source>Poste verrouillé : le temps est arrêté.</source>
        <translation>Computer locked: time is stopped.</translation>
    </message>
    <message>
        <source>Signalement en attente : le temps est arrêté.</source>
        <translation>Problem report waiting: time is stopped.</translation>
    </message>
    <message>
        <source>Test interrompu : la reprise doit être autorisée.</source>
        <translation>Test interrupted: resuming must be allowed.</translation>
    </message>
    <message>
        <source>Test terminé.</source>
        <translation>Test over.</translation>
    </message>
    <message>
        <source>Question {k} sur {n} — temps restant {clock}</source>
        <translation>Question {k} of {n} — time left {clock}</translation>
    </message>
    <message>
        <source>Alertes du démarrage : {details}</source>
        <translation>Start-up warnings: {details}</translation>
    </message>
    <message>
        <source>Aucune alerte au démarrage du poste.</source>
        <translation>No warning when the computer started.</translation>
    </message>
    <message>
        <source>Signalement {code} : {label}</source>
        <translation>Report {code}: {label}</translation>
    </message>
    <message>
        <source>Précisions du candidat : {text}</source>
        <translation>Candidate&apos;s details: {text}</translation>
    </message>
    <message>
        <source>Indiquez le motif de l&apos;ajout de temps.</source>
        <translation>Give the reason for the extra time.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Masquer ce message</source>
        <translation>Hide this message</translation>
    </message>
</context>
<context>
    <name>KitImportScreen</name>
    <message>
        <source>Importer le kit du poste</source>
        <translation>Import the kiosk kit</translation>
    </message>
    <message>
        <source>Branchez la clé USB préparée par la console, choisissez le kit de ce poste, puis tapez le code imprimé sur la fiche des kits.</source>
        <translation>Plug in the USB stick the console prepared, choose this kiosk’s kit, then type the code printed on the kit sheet.</translation>
    </message>
    <message>
        <source>&amp;Dossier de la clé USB</source>
        <translation>USB stick &amp;folder</translation>
    </message>
    <message>
        <source>Dossier de la clé USB</source>
        <translation>USB stick folder</translation>
    </message>
    <message>
        <source>Clés USB détectées</source>
        <translation>USB sticks found</translation>
    </message>
    <message>
        <source>Chercher les kits dans ce dossier</source>
        <translation>Look for kits in this folder</translation>
    </message>
    <message>
        <source>&amp;Kits trouvés</source>
        <translation>&amp;Kits found</translation>
    </message>
    <message>
        <source>Kits trouvés</source>
        <translation>Kits found</translation>
    </message>
    <message>
        <source>&amp;Code du kit</source>
        <translation>Kit &amp;code</translation>
    </message>
    <message>
        <source>Code du kit</source>
        <translation>Kit code</translation>
    </message>
    <message>
        <source>XXXX-XXXX-XXXX-XXXX-XXXX</source>
        <translation>XXXX-XXXX-XXXX-XXXX-XXXX</translation>
    </message>
    <message>
        <source>Importer le kit</source>
        <translation>Import the kit</translation>
    </message>
    <message>
        <source>Réécrire la fiche du poste sur la clé</source>
        <translation>Write the kiosk&apos;s record to the stick again</translation>
    </message>
    <message>
        <source>Ce poste : n° {number} « {name} » ({kiosk_id})</source>
        <translation>This kiosk: no. {number} “{name}” ({kiosk_id})</translation>
    </message>
    <message>
        <source>Indiquez le dossier de la clé USB.</source>
        <translation>Give the USB stick folder.</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un kit valable pour ce poste.</source>
        <translation>First choose a valid kit for this kiosk.</translation>
    </message>
    <message>
        <source>Tapez le code du kit.</source>
        <translation>Type the kit code.</translation>
    </message>
    <message>
        <source>poste n° {n}</source>
        <translation>kiosk no. {n}</translation>
    </message>
    <message>
        <source>toute la salle</source>
        <translation>the whole room</translation>
    </message>
    <message>
        <source>Session {session} du {date}, {room} — kit pour {who}, {n} candidat(s).</source>
        <translation>Session {session} on {date}, {room} — kit for {who}, {n} candidate(s).</translation>
    </message>
    <message>
        <source>Ce kit est déjà importé sur ce poste.</source>
        <translation>This kit is already imported on this kiosk.</translation>
    </message>
    <message>
        <source>Autorité : {key} (épinglée sur ce poste).</source>
        <translation>Authority: {key} (pinned on this kiosk).</translation>
    </message>
    <message>
        <source>Autorité : {key}, lue dans {file} : elle sera épinglée sur ce poste.</source>
        <translation>Authority: {key}, read from {file}: it will be pinned on this kiosk.</translation>
    </message>
    <message>
        <source>Trop de codes incorrects : import bloqué jusqu&apos;à {time}.</source>
        <translation>Too many wrong codes: import locked until {time}.</translation>
    </message>
</context>
<context>
    <name>PasswordGate</name>
    <message>
        <source>Réservé au surveillant de la session. Chaque action est enregistrée.</source>
        <translation>For the session&apos;s invigilator only. Every action is recorded.</translation>
    </message>
    <message>
        <source>&amp;Mot de passe surveillant</source>
        <translation>Invigilator &amp;password</translation>
    </message>
    <message>
        <source>Mot de passe surveillant</source>
        <translation>Invigilator password</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Trop d&apos;essais : réessayez dans {minutes} min {seconds:02d} s.</source>
        <translation>Too many tries: try again in {minutes} min {seconds:02d} s.</translation>
    </message>
    <message>
        <source>Mot de passe incorrect. Essais restants avant blocage : {n}.</source>
        <translation>Wrong password. Tries left before lockout: {n}.</translation>
    </message>
</context>
<context>
    <name>SetupFlow</name>
    <message>
        <source>Fiche du poste écrite : {path}</source>
        <translation>Kiosk record written: {path}</translation>
    </message>
</context>
<context>
    <name>StartupScreen</name>
    <message>
        <source>Vérification du poste</source>
        <translation>Computer check</translation>
    </message>
    <message>
        <source>Le kiosque a vérifié cet ordinateur avant le test. Tout est enregistré pour le surveillant.</source>
        <translation>The kiosk checked this computer before the test. Everything is recorded for the invigilator.</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Continuer vers l&apos;identification</source>
        <translation>Continue to check-in</translation>
    </message>
    <message>
        <source>Un seul écran est branché.</source>
        <translation>Only one screen is connected.</translation>
    </message>
    <message>
        <source>Plusieurs écrans sont branchés.</source>
        <translation>Several screens are connected.</translation>
    </message>
    <message>
        <source>Aucune machine virtuelle détectée.</source>
        <translation>No virtual machine detected.</translation>
    </message>
    <message>
        <source>Cet ordinateur semble être une machine virtuelle.</source>
        <translation>This computer seems to be a virtual machine.</translation>
    </message>
    <message>
        <source>Aucune session à distance détectée.</source>
        <translation>No remote session detected.</translation>
    </message>
    <message>
        <source>Une session à distance semble ouverte.</source>
        <translation>A remote session seems to be open.</translation>
    </message>
    <message>
        <source>Préparation du poste…</source>
        <translation>Preparing the computer…</translation>
    </message>
    <message>
        <source>Le surveillant a été averti. Vous pouvez continuer ; il décidera de la suite.</source>
        <translation>The invigilator has been told. You may continue; they will decide what happens next.</translation>
    </message>
    <message>
        <source>Tout est en ordre.</source>
        <translation>Everything is in order.</translation>
    </message>
</context>
<context>
    <name>TestHeader</name>
    <message>
        <source>Question {k} sur {n}</source>
        <translation>Question {k} of {n}</translation>
    </message>
    <message>
        <source>Temps restant : {clock}</source>
        <translation>Time left: {clock}</translation>
    </message>
    <message>
        <source>Temps restant</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Attention : il reste moins de 5 minutes.</source>
        <translation>Note: less than 5 minutes left.</translation>
    </message>
    <message>
        <source>Attention : il reste moins de 10 minutes.</source>
        <translation>Note: less than 10 minutes left.</translation>
    </message>
    <message>
        <source>Temps pour cette question</source>
        <translation>Time for this question</translation>
    </message>
    <message>
        <source>Le temps de cette question est écoulé : vous pouvez encore répondre, mais la réponse ne sera pas comptée comme juste.</source>
        <translation>The time for this question is over: you may still answer, but the answer will not count as correct.</translation>
    </message>
</context>
<context>
    <name>TestScreen</name>
    <message>
        <source>Signaler un problème</source>
        <translation>Report a problem</translation>
    </message>
    <message>
        <source>Prévient le surveillant ; le temps s&apos;arrête en attendant</source>
        <translation>Tells the invigilator; time stops meanwhile</translation>
    </message>
    <message>
        <source>Je passe</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Abandonner cette question sans répondre (confirmation demandée)</source>
        <translation>Give up this question without answering (you will be asked to confirm)</translation>
    </message>
    <message>
        <source>Je valide</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Enregistrer la réponse et passer à la question suivante</source>
        <translation>Save the answer and go to the next question</translation>
    </message>
    <message>
        <source>Passer cette question ? Vous ne pourrez pas y revenir et elle comptera comme non réussie.</source>
        <translation>Skip this question? You cannot come back to it and it will count as not passed.</translation>
    </message>
    <message>
        <source>Non, revenir à la question</source>
        <translation>No, back to the question</translation>
    </message>
    <message>
        <source>Oui, passer la question</source>
        <translation>Yes, skip the question</translation>
    </message>
    <message>
        <source>Répondez avant de valider, ou cliquez sur « Je passe ».</source>
        <translation>Answer before submitting, or choose “Skip”.</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>{n} heure</source>
        <translation>{n} hour</translation>
    </message>
    <message>
        <source>{n} heures</source>
        <translation>{n} hours</translation>
    </message>
    <message>
        <source>{n} minute</source>
        <translation>{n} minute</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} minutes</translation>
    </message>
    <message>
        <source>{n} seconde</source>
        <translation>{n} second</translation>
    </message>
    <message>
        <source>{n} secondes</source>
        <translation>{n} seconds</translation>
    </message>
</context>
<context>
    <name>WaitingScreen</name>
    <message>
        <source>Espace surveillant</source>
        <translation>Invigilator area</translation>
    </message>
    <message>
        <source>Réservé au surveillant : demande son mot de passe</source>
        <translation>For the invigilator only: asks for their password</translation>
    </message>
    <message>
        <source>Identification réussie</source>
        <translation>Check-in done</translation>
    </message>
    <message>
        <source>Le surveillant va confirmer votre présence. Merci de patienter.</source>
        <translation>The invigilator will confirm you are present. Please wait.</translation>
    </message>
    <message>
        <source>Reprise du test</source>
        <translation>Resuming the test</translation>
    </message>
    <message>
        <source>Le test a été interrompu. Le surveillant doit autoriser la reprise. Vos réponses validées sont enregistrées et le temps est arrêté.</source>
        <translation>The test was interrupted. The invigilator must allow it to resume. Your submitted answers are saved and time is stopped.</translation>
    </message>
    <message>
        <source>Signalement envoyé</source>
        <translation>Report sent</translation>
    </message>
    <message>
        <source>Le surveillant va traiter votre signalement. Le temps est arrêté en attendant.</source>
        <translation>The invigilator will deal with your report. Time is stopped meanwhile.</translation>
    </message>
    <message>
        <source>Poste verrouillé</source>
        <translation>Computer locked</translation>
    </message>
    <message>
        <source>Le test est en pause et le temps est arrêté. Levez la main : le surveillant doit déverrouiller le poste.</source>
        <translation>The test is paused and time is stopped. Raise your hand: the invigilator must unlock the computer.</translation>
    </message>
    <message>
        <source>Motif : la fenêtre du test a perdu le focus.</source>
        <translation>Reason: the test window lost focus.</translation>
    </message>
    <message>
        <source>Motif : un écran a été branché.</source>
        <translation>Reason: a screen was connected.</translation>
    </message>
    <message>
        <source>Motif : l&apos;environnement du poste est inhabituel.</source>
        <translation>Reason: this computer&apos;s environment is unusual.</translation>
    </message>
    <message>
        <source>Motif : verrouillé par le surveillant.</source>
        <translation>Reason: locked by the invigilator.</translation>
    </message>
    <message>
        <source>Motif : {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
</context>
</TS>
