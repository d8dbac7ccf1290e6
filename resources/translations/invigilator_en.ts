<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>Codes</name>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="27"/>
        <source>Confirmer la présence</source>
        <translation>Confirm presence</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="28"/>
        <source>Autoriser la reprise</source>
        <translation>Authorise resume</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="29"/>
        <source>Déverrouiller le poste</source>
        <translation>Unlock the kiosk</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="30"/>
        <source>Ajouter du temps</source>
        <translation>Add time</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="31"/>
        <source>Terminer le test</source>
        <translation>End the test</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="35"/>
        <source>({n} min)</source>
        <translation>({n} min)</translation>
    </message>
</context>
<context>
    <name>CodesPanel</name>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="94"/>
        <source>Le poste affiche un code (ex. U-7-2-4-5). Recopiez-le : la console indique le poste, le candidat et l&apos;action, et donne le code réponse à saisir sur le poste. Chaque code donné est enregistré dans le journal de la session.</source>
        <translation>The kiosk shows a code (e.g. U-7-2-4-5). Type it here: the console shows the kiosk, the candidate and the action, and gives the response code to type on the kiosk. Every code given is recorded in the session log.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="99"/>
        <source>&amp;Code affiché par le poste</source>
        <translation>&amp;Code shown by the kiosk</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="100"/>
        <source>Code affiché par le poste</source>
        <translation>Code shown by the kiosk</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="101"/>
        <source>&amp;Répondre</source>
        <translation>&amp;Answer</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="102"/>
        <source>Calculer le code réponse</source>
        <translation>Compute the response code</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="104"/>
        <source>Poste</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="105"/>
        <source>Candidat(e)</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="106"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="107"/>
        <source>Code réponse</source>
        <translation>Response code</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/codes_panel.py" line="130"/>
        <source>Recopiez d&apos;abord le code affiché par le poste.</source>
        <translation>First type the code the kiosk shows.</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../../invigilator/app/window.py" line="68"/>
        <source>certkiosk — console du centre</source>
        <translation>certkiosk — centre console</translation>
    </message>
</context>
<context>
    <name>Finalise</name>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="105"/>
        <source>Code d&apos;incident</source>
        <translation>Incident code</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="106"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="108"/>
        <source>Description de l&apos;incident</source>
        <translation>Incident description</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="110"/>
        <source>question </source>
        <translation>item </translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="111"/>
        <source>Numéro de la question</source>
        <translation>Item number</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="112"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="114"/>
        <source>Retirer cet incident</source>
        <translation>Remove this incident</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="143"/>
        <source>Écran de fin de test vu</source>
        <translation>End-of-test screen seen</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="145"/>
        <source>Écran de fin de test vu par {name}</source>
        <translation>End-of-test screen seen by {name}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="152"/>
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="154"/>
        <source>Abandon du candidat</source>
        <translation>Candidate gave up</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="157"/>
        <source>Problème technique</source>
        <translation>Technical problem</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="160"/>
        <source>Raison de l&apos;abandon de {name}</source>
        <translation>Why {name}&apos;s test stopped</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="167"/>
        <source>Commentaire sur {name}</source>
        <translation>Comment about {name}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="171"/>
        <source>Ajouter un incident</source>
        <translation>Add an incident</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="173"/>
        <source>Ajouter un incident pour {name}</source>
        <translation>Add an incident for {name}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="182"/>
        <source>Raison de l&apos;abandon</source>
        <translation>Why the test stopped</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="185"/>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>FinaliseForm</name>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="267"/>
        <source>Session finalisée. Le procès-verbal et l&apos;export sont disponibles dans l&apos;onglet « Export et documents ».</source>
        <translation>Session finalised. The session report and the export are in the “Export and documents” tab.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="275"/>
        <source>Pour chaque candidat(e) : écran de fin vu, commentaire (500 caractères au plus), raison de l&apos;abandon d&apos;un test non terminé, incidents (les codes C1, C2, C4, C7, C8 demandent une description ; les codes E un numéro de question).</source>
        <translation>For each candidate: end screen seen, comment (500 characters at most), why an unfinished test stopped, incidents (codes C1, C2, C4, C7, C8 need a description; E codes an item number).</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="285"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="289"/>
        <source>Commentaire général de la session</source>
        <translation>General comment on the session</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="290"/>
        <source>Commentaire général</source>
        <translation>General comment</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="294"/>
        <source>La session a connu un incident</source>
        <translation>The session had an incident</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="297"/>
        <source>Un(e) candidat(e) a eu un problème pour rejoindre la session</source>
        <translation>A candidate had trouble joining the session</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="303"/>
        <source>&amp;Vérifier et finaliser la session</source>
        <translation>&amp;Check and finalise the session</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="304"/>
        <source>Vérifier et finaliser la session</source>
        <translation>Check and finalise the session</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="325"/>
        <source>La finalisation est incomplète :</source>
        <translation>The finalisation is incomplete:</translation>
    </message>
</context>
<context>
    <name>KiosksPage</name>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="143"/>
        <source>← &amp;Sessions</source>
        <translation>← &amp;Sessions</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="144"/>
        <source>Retour à la liste des sessions</source>
        <translation>Back to the session list</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="145"/>
        <source>Postes des candidats</source>
        <translation>Candidate kiosks</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="148"/>
        <source>Une fois pour toutes : enregistrez la fiche (.ckposte) que chaque poste écrit sur la clé USB quand on lui donne son numéro. Chaque matin de session : préparez les kits sur la clé, puis, sur chaque poste, importez son kit en tapant son code.</source>
        <translation>Once and for all: enrol the record (.ckposte) each kiosk writes to the USB stick when it is given its number. Each session morning: prepare the kits on the stick, then, on each kiosk, import its kit by typing its code.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="153"/>
        <source>&amp;Enregistrer des fiches de poste…</source>
        <translation>&amp;Enrol kiosk records…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="155"/>
        <source>Enregistrer des postes d&apos;après leur fiche .ckposte</source>
        <translation>Enrol kiosks from their .ckposte records</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="158"/>
        <source>Postes enregistrés (cochez ceux qui reçoivent un kit)</source>
        <translation>Enrolled kiosks (tick those that get a kit)</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="162"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="163"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="164"/>
        <source>Identifiant</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="165"/>
        <source>Clé</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="169"/>
        <source>Kits de poste d&apos;une session</source>
        <translation>Kiosk kits for a session</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="170"/>
        <source>Sessi&amp;on :</source>
        <translation>Sessi&amp;on:</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="171"/>
        <source>Session dont on prépare les kits</source>
        <translation>Session the kits are prepared for</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="172"/>
        <source>Un kit par poste &amp;coché</source>
        <translation>One kit per &amp;ticked kiosk</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="174"/>
        <source>Un seul kit pour toute la sa&amp;lle</source>
        <translation>One kit for the whole roo&amp;m</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="187"/>
        <source>Ouvrir pour &amp;imprimer</source>
        <translation>Open to &amp;print</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="176"/>
        <source>&amp;Préparer les kits…</source>
        <translation>&amp;Prepare the kits…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="166"/>
        <source>Sessions avec un kit</source>
        <translation>Sessions with a kit</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="177"/>
        <source>Préparer les kits dans un dossier (clé USB)</source>
        <translation>Prepare the kits in a folder (USB stick)</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="178"/>
        <source>Progression de la préparation des kits</source>
        <translation>Kit preparation progress</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="179"/>
        <source>Codes des kits, à taper sur chaque poste</source>
        <translation>Kit codes, to type on each kiosk</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="181"/>
        <source>Poste</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="181"/>
        <source>Fichier du kit</source>
        <translation>Kit file</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="181"/>
        <source>Code à taper</source>
        <translation>Code to type</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="183"/>
        <source>Enregistrer la &amp;feuille des kits (PDF)…</source>
        <translation>Save the kit &amp;sheet (PDF)…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="185"/>
        <source>Enregistrer la feuille des kits avec leurs codes</source>
        <translation>Save the kit sheet with their codes</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="188"/>
        <source>Ouvrir la feuille des kits pour l&apos;imprimer</source>
        <translation>Open the kit sheet to print it</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="227"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="281"/>
        <source>Fiches de poste</source>
        <translation>Kiosk records</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="282"/>
        <source>Fiches de poste (*.ckposte);;Tous les fichiers (*)</source>
        <translation>Kiosk records (*.ckposte);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="300"/>
        <source>Refusé : {file} : {why}</source>
        <translation>Refused: {file}: {why}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="317"/>
        <source>Cochez au moins un poste, ou choisissez la salle</source>
        <translation>Tick at least one kiosk, or choose the room</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="320"/>
        <source>Dossier des kits (clé USB)</source>
        <translation>Kit folder (USB stick)</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="355"/>
        <source>{count} kit(s) écrit(s) dans {folder}. Notez ou imprimez les codes : ils ne seront plus affichés. La feuille ne doit pas voyager sur la clé des kits.</source>
        <translation>{count} kit(s) written to {folder}. Note or print the codes: they will not be shown again. The sheet must not travel on the kits&apos; stick.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="362"/>
        <source>n° {n} « {name} »</source>
        <translation>no. {n} “{name}”</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="364"/>
        <source>Toute la salle</source>
        <translation>The whole room</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="384"/>
        <source>Enregistrer la feuille des kits</source>
        <translation>Save the kit sheet</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="405"/>
        <source>Feuille des kits enregistrée : {path}</source>
        <translation>Kit sheet saved: {path}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/kiosks_page.py" line="424"/>
        <source>Aucun lecteur PDF n&apos;a pu ouvrir {path}</source>
        <translation>No PDF viewer could open {path}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../invigilator/app/messages.py" line="24"/>
        <source>Une erreur interne est survenue ; l&apos;opération n&apos;a pas été faite. Le détail est dans le journal de la console.</source>
        <translation>An internal error occurred; nothing was done. The details are in the console&apos;s log.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/messages.py" line="38"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="44"/>
        <source>Absent(e)</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="45"/>
        <source>Test terminé</source>
        <translation>Test completed</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="46"/>
        <source>Temps écoulé</source>
        <translation>Time up</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/finalise_form.py" line="47"/>
        <source>Test non terminé</source>
        <translation>Test not finished</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="36"/>
        <source>Aucune donnée reçue</source>
        <translation>No data received</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="37"/>
        <source>Accueilli(e)</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="38"/>
        <source>Présence à confirmer</source>
        <translation>Presence to confirm</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="39"/>
        <source>Prêt(e) à commencer</source>
        <translation>Ready to start</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="40"/>
        <source>En cours</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="41"/>
        <source>Poste verrouillé</source>
        <translation>Kiosk locked</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="42"/>
        <source>Reprise à autoriser</source>
        <translation>Resume to authorise</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="43"/>
        <source>Terminé</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="44"/>
        <source>Temps écoulé</source>
        <translation>Time up</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="45"/>
        <source>Arrêté par le surveillant</source>
        <translation>Ended by the invigilator</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="46"/>
        <source>Abandon</source>
        <translation>Gave up</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="150"/>
        <source>← &amp;Sessions</source>
        <translation>← &amp;Sessions</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="151"/>
        <source>Retour à la liste des sessions</source>
        <translation>Back to the session list</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="152"/>
        <source>Onglets de la session</source>
        <translation>Session tabs</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="155"/>
        <source>&amp;Candidats</source>
        <translation>&amp;Candidates</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="156"/>
        <source>C&amp;odes</source>
        <translation>C&amp;odes</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="157"/>
        <source>Co&amp;llecte</source>
        <translation>Co&amp;llect</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="158"/>
        <source>&amp;Finalisation</source>
        <translation>&amp;Finalisation</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="159"/>
        <source>&amp;Export et documents</source>
        <translation>&amp;Export and documents</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="163"/>
        <source>Candidats et état de leur test</source>
        <translation>Candidates and the state of their test</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="166"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="167"/>
        <source>Candidat(e)</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="168"/>
        <source>Temps majoré</source>
        <translation>Extra time</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="169"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="170"/>
        <source>Questions</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="171"/>
        <source>Poste</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="174"/>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="175"/>
        <source>Actualiser la liste des candidats</source>
        <translation>Refresh the candidate list</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="178"/>
        <source>Chaque poste exporte ses épreuves sur une clé USB, chiffrées pour le centre. Choisissez le dossier de la clé : les exports sont vérifiés puis fusionnés. Le même export deux fois ne change rien ; un export incomplet ou modifié est refusé.</source>
        <translation>Each kiosk exports its tests to a USB stick, encrypted for the centre. Choose the stick&apos;s folder: the exports are checked, then merged. The same export twice changes nothing; an incomplete or altered export is refused.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="184"/>
        <source>Choisir le &amp;dossier des exports…</source>
        <translation>Choose the exports &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="185"/>
        <source>Choisir le dossier des exports des postes</source>
        <translation>Choose the folder of the kiosks&apos; exports</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="186"/>
        <source>Progression de la collecte</source>
        <translation>Collection progress</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="189"/>
        <source>Après la finalisation, exportez les résultats signés et chiffrés pour l&apos;organisme certificateur, puis imprimez les documents de la session.</source>
        <translation>After finalisation, export the signed and encrypted results for the certification body, then print the session&apos;s documents.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="193"/>
        <source>E&amp;xporter les résultats…</source>
        <translation>E&amp;xport the results…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="194"/>
        <source>Exporter les résultats dans un dossier</source>
        <translation>Export the results to a folder</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="195"/>
        <source>Progression de l&apos;export</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="196"/>
        <source>Feuille d&apos;é&amp;margement (PDF)…</source>
        <translation>Attendance &amp;sheet (PDF)…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="197"/>
        <source>Enregistrer la feuille d&apos;émargement</source>
        <translation>Save the attendance sheet</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="198"/>
        <source>&amp;Procès-verbal (PDF)…</source>
        <translation>Session &amp;report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="199"/>
        <source>Enregistrer le procès-verbal</source>
        <translation>Save the session report</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="241"/>
        <source>Session {id} — {date} à {time} — {room} — surveillant(e) : {who} — code d&apos;accès {code} — {status}</source>
        <translation>Session {id} — {date} at {time} — {room} — invigilator: {who} — access code {code} — {status}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="273"/>
        <source>Dossier des exports des postes</source>
        <translation>Folder of the kiosks&apos; exports</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="299"/>
        <source>{file} (poste {kiosk}) : {n} événement(s) nouveaux</source>
        <translation>{file} (kiosk {kiosk}): {n} new event(s)</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="306"/>
        <source>{file} REFUSÉ : {why}</source>
        <translation>{file} REFUSED: {why}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="327"/>
        <source>Dossier de destination</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="347"/>
        <source>Résultats exportés : {path}</source>
        <translation>Results exported: {path}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="359"/>
        <source>Enregistrer le PDF</source>
        <translation>Save the PDF</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/session_page.py" line="371"/>
        <source>Document enregistré : {path}</source>
        <translation>Document saved: {path}</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="97"/>
        <source>Sessions du centre</source>
        <translation>Centre sessions</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="98"/>
        <source>&amp;Importer un fichier…</source>
        <translation>&amp;Import a file…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="100"/>
        <source>Importer un certificat, une session ou un contenu d&apos;épreuve</source>
        <translation>Import a certificate, a session or a content pack</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="102"/>
        <source>&amp;Ouvrir la session</source>
        <translation>&amp;Open the session</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="103"/>
        <source>Ouvrir la session choisie</source>
        <translation>Open the selected session</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="104"/>
        <source>&amp;Postes et kits…</source>
        <translation>&amp;Kiosks and kits…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="106"/>
        <source>Enregistrer les postes et préparer leurs kits</source>
        <translation>Enrol the kiosks and prepare their kits</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="108"/>
        <source>Progression de l&apos;import</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="109"/>
        <source>Liste des sessions</source>
        <translation>Session list</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="112"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="113"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="114"/>
        <source>Salle</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="115"/>
        <source>Candidats</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="116"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="117"/>
        <source>Contenu d&apos;épreuve</source>
        <translation>Content pack</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="133"/>
        <source>Certificat du centre non importé : importez le fichier .ccrt reçu de l&apos;organisme (demande d&apos;inscription : {path}).</source>
        <translation>Centre certificate not imported: import the .ccrt file received from the certification body (enrolment request: {path}).</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="137"/>
        <source>Certificat valide jusqu&apos;au {date}.</source>
        <translation>Certificate valid until {date}.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="142"/>
        <source>Centre {id} « {name} »</source>
        <translation>Centre {id} “{name}”</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="155"/>
        <source>Importé</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="155"/>
        <source>À importer</source>
        <translation>To import</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="176"/>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="177"/>
        <source>Fichiers certkiosk (*.ccrt *.cksess *.ckpack);;Tous les fichiers (*)</source>
        <translation>certkiosk files (*.ccrt *.cksess *.ckpack);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="215"/>
        <source>Refusé : {why}</source>
        <translation>Refused: {why}</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="88"/>
        <source>Créer le centre d&apos;examen</source>
        <translation>Create the exam centre</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="91"/>
        <source>La console crée les clés du centre, protégées par une phrase secrète, et une demande d&apos;inscription à envoyer à l&apos;organisme certificateur. Vous importerez ensuite le certificat qu&apos;il vous renvoie.</source>
        <translation>The console creates the centre&apos;s keys, protected by a passphrase, and an enrolment request to send to the certification body. You will then import the certificate it sends back.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="97"/>
        <source>&amp;Identifiant du centre</source>
        <translation>Centre &amp;id</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="98"/>
        <source>&amp;Nom du centre</source>
        <translation>Centre &amp;name</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="99"/>
        <source>&amp;Clés publiques de l&apos;organisme</source>
        <translation>Certification body&apos;s public &amp;keys</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="100"/>
        <source>&amp;Phrase secrète (8 caractères au moins)</source>
        <translation>&amp;Passphrase (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="101"/>
        <source>C&amp;onfirmation</source>
        <translation>C&amp;onfirmation</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="108"/>
        <source>ex. CTR-01</source>
        <translation>e.g. CTR-01</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="110"/>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="111"/>
        <source>Choisir le fichier des clés publiques</source>
        <translation>Choose the public keys file</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="112"/>
        <source>Créer les clés et la &amp;demande d&apos;inscription</source>
        <translation>Create the keys and the enrolment &amp;request</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="114"/>
        <source>&amp;Enregistrer une copie de la demande…</source>
        <translation>&amp;Save a copy of the request…</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="119"/>
        <source>Clés publiques de l&apos;organisme</source>
        <translation>Certification body&apos;s public keys</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="126"/>
        <source>Les deux phrases secrètes diffèrent.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="130"/>
        <source>Choisissez le fichier des clés publiques de l&apos;organisme.</source>
        <translation>Choose the certification body&apos;s public keys file.</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="150"/>
        <source>Clés créées. Demande d&apos;inscription à envoyer : {path}</source>
        <translation>Keys created. Enrolment request to send: {path}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="163"/>
        <source>Enregistrer la demande</source>
        <translation>Save the request</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="171"/>
        <source>Demande enregistrée : {path}</source>
        <translation>Request saved: {path}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="32"/>
        <source>Créée</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="33"/>
        <source>Finalisée</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/sessions_page.py" line="34"/>
        <source>Exportée</source>
        <translation>Exported</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="209"/>
        <source>Ouvrir la console du centre</source>
        <translation>Open the centre console</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="213"/>
        <source>Centre {id} « {name} » — clé {key}</source>
        <translation>Centre {id} “{name}” — key {key}</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="219"/>
        <source>&amp;Phrase secrète du centre</source>
        <translation>Centre &amp;passphrase</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="220"/>
        <source>Phrase secrète du centre</source>
        <translation>Centre passphrase</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="221"/>
        <source>&amp;Ouvrir</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../invigilator/app/centre_pages.py" line="222"/>
        <source>Ouvrir la console</source>
        <translation>Open the console</translation>
    </message>
</context>
</TS>
