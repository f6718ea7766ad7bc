import { errorWords } from "@/lib/i18n/dictionaries/de-error";
import type { Dictionary } from "@/lib/i18n/dictionaries/en";

/** Every German word of the site outside content/de/, in the coach's informal "du". */
export const de: Dictionary = {
  site: {
    tagline: "Executive Coaching für VPs of Engineering und Engineering-Führungskräfte",
    description:
      "Executive Coaching für VPs of Engineering, Heads of Engineering und CTOs: Einfluss ohne Weisungsbefugnis, die CTO-Frage und die Karriere nach der VPE-Rolle.",
    newsletterPitch: "Werde ein Teil von {count} CTOs und Engineering Managern für ungefilterte Insights",
    newsletterCadence: "etwa zweimal im Monat",
    newsletterBlurb: "Eine Idee pro Ausgabe, {cadence}. Bestätigung per E-Mail; Abmeldung mit einem Klick.",
    country: "Deutschland",
    coachJobTitle: "Executive Coach für Engineering-Führungskräfte",
    coachBio:
      "Früher VP of Engineering und CTO. Ich kenne beide Rollen von innen und coache heute Engineering-Führungskräfte eins zu eins.",
    ogFallbackEyebrow: "Executive Coaching",
  },
  common: {
    skipToContent: "Zum Inhalt springen",
    mainNav: "Hauptmenü",
    footerNav: "Fußzeile",
    bookIntroCall: "Erstgespräch buchen",
    goHome: "Zur Startseite",
    lastUpdated: "Zuletzt aktualisiert am",
    policyVersion: "Stand",
    thisPageInLanguage: "Diese Seite auf Deutsch",
    languageNames: { en: "Englisch", de: "Deutsch" },
  },
  notFound: {
    title: "Seite nicht gefunden",
    heading: "Diese Seite gibt es nicht",
    lead: "Vielleicht ist der Link veraltet oder die Adresse vertippt. Auf der Startseite findest du alles, was es hier gibt.",
    offerLink: "Coaching für VPs of Engineering",
  },
  error: errorWords,
  fields: {
    optional: "(optional)",
    email: "E-Mail",
  },
  inquiryForm: {
    requiredNote: "Alle Felder sind Pflichtfelder, außer sie sind als optional markiert.",
    submit: "Anfrage senden",
    pending: "Wird gesendet…",
    name: "Name",
    company: "Unternehmen",
    role: "Rolle",
    chooseRole: "Wähle deine Rolle",
    roles: {
      "VP Engineering": "VP Engineering",
      CTO: "CTO",
      "Head/Director of Engineering": "Head/Director of Engineering",
      Other: "Andere",
    },
    message: "Woran möchtest du arbeiten?",
    messageHint:
      "Ein Satz oder ein paar: wo du gerade stehst und was du verändern willst. Höchstens {max} Zeichen.",
  },
  newsletterForm: {
    landmark: "Newsletter-Anmeldung",
    submit: "Abonnieren",
    pending: "Wird angemeldet…",
    firstName: "Vorname",
    privacyLink: "Wie wir mit deinen Daten umgehen",
    privacyAnchor: "der-newsletter",
  },
  confirmForm: {
    questionBefore: "Soll",
    questionAfter: "den Newsletter erhalten?",
    submit: "Anmeldung bestätigen",
    pending: "Wird bestätigt…",
  },
  validation: {
    emailRequired: "Bitte gib deine E-Mail-Adresse ein.",
    emailTooLong: "Diese E-Mail-Adresse ist zu lang.",
    emailInvalid: "Bitte gib eine gültige E-Mail-Adresse ein, zum Beispiel du@firma.de.",
    nameRequired: "Bitte gib deinen Namen ein.",
    nameTooLong: "Bitte halte deinen Namen unter {max} Zeichen.",
    companyTooLong: "Bitte halte den Firmennamen unter {max} Zeichen.",
    roleInvalid: "Bitte wähle eine der Rollen aus der Liste.",
    messageRequired: "Bitte schreib mir, woran du arbeiten möchtest.",
    messageTooShort: "Bitte schreib mindestens einen Satz (mindestens {min} Zeichen).",
    messageTooLong: "Bitte bleib unter {max} Zeichen: Ins Detail gehen wir im Gespräch.",
    firstNameTooLong: "Bitte halte deinen Vornamen unter {max} Zeichen.",
  },
  wait: { one: "{count} Minute", other: "{count} Minuten" },
  inquiryAnswers: {
    thanksWithReceipt:
      "Danke! Deine Nachricht ist bei {coach} angekommen, und eine Bestätigung ist auf dem Weg in dein Postfach. Du bekommst innerhalb von zwei Werktagen eine Antwort, um einen Termin für das Erstgespräch zu finden.",
    thanks:
      "Danke! Deine Nachricht ist bei {coach} angekommen. Du bekommst innerhalb von zwei Werktagen eine Antwort, um einen Termin für das Erstgespräch zu finden.",
    saved:
      "Danke! Deine Nachricht ist gespeichert und erreicht {coach} in Kürze; sobald sie angekommen ist, bekommst du eine Bestätigung per E-Mail.",
    invalid: "Deine Nachricht wurde nicht gesendet. Bitte korrigiere die markierten Felder.",
    rateLimited:
      "Deine Nachricht wurde nicht gesendet: Aus diesem Netzwerk kamen in kurzer Zeit mehrere Nachrichten. Bitte versuch es in {wait} noch einmal oder schreib an {email}.",
    failed:
      "Deine Nachricht wurde nicht gesendet: Die Website konnte sie gerade nicht speichern. Alles, was du geschrieben hast, steht noch da. Versuch es bitte in einer Minute noch einmal oder schreib direkt an {email}.",
    booking: "Jetzt einen Termin für das Erstgespräch wählen",
  },
  newsletterAnswers: {
    onItsWay:
      "Fast geschafft: Ein Bestätigungslink ist auf dem Weg an {email}. Klick auf den Button in dieser E-Mail, um den Newsletter zu erhalten.",
    paused:
      "Fast geschafft: Deine Anmeldung ist gespeichert, aber Bestätigungs-E-Mails pausieren bis morgen, weil die Website ihr Tageslimit erreicht hat. Deine folgt an {email}; klick dann auf den Button darin, um den Newsletter zu erhalten.",
    invalid: "Du bist noch nicht angemeldet. Bitte korrigiere das markierte Feld.",
    rateLimited:
      "Aus diesem Netzwerk kamen in kurzer Zeit zu viele Anmeldungen. Bitte versuch es in {wait} noch einmal.",
    failed:
      "Deine Anmeldung konnte gerade nicht gespeichert werden, du bist also noch nicht angemeldet. Bitte versuch es in einer Minute noch einmal.",
  },
  confirmAnswers: {
    rateLimited:
      "Dieser Button wurde aus deinem Netzwerk in kurzer Zeit sehr oft gedrückt. Bitte versuch es in {wait} noch einmal.",
    subscribed: "Du bist angemeldet. Die nächste Ausgabe geht an {email}.",
    expired:
      "Dieser Bestätigungslink ist abgelaufen, niemand wurde angemeldet. Bitte melde dich unten noch einmal an.",
    superseded:
      "Dieser Link stammt von vor der Abmeldung dieser Adresse und kann sie nicht wieder anmelden. Wenn du zurückkommen willst, melde dich unten neu an.",
    unknown: "Dieser Bestätigungslink ist ungültig. Bitte melde dich unten noch einmal an.",
    failed:
      "Deine Anmeldung konnte gerade nicht gespeichert werden, du bist also noch nicht angemeldet. Bitte klick in einer Minute noch einmal auf den Button.",
  },
  confirmPage: {
    title: "Anmeldung bestätigen",
    description: "Bestätige deine Newsletter-Anmeldung mit einem Klick.",
    unknownHeading: "Dieser Link funktioniert nicht",
    unknownLead:
      "Der Bestätigungslink ist unvollständig oder wurde verändert. Niemand wurde angemeldet. Melde dich noch einmal an, dann bekommst du einen neuen Link.",
    expiredHeading: "Dieser Link ist abgelaufen",
    expiredLead:
      "Bestätigungslinks gelten 48 Stunden. Niemand wurde angemeldet. Melde dich noch einmal an, dann bekommst du einen neuen Link.",
    supersededHeading: "Dieser Link funktioniert nicht mehr",
    supersededLead:
      "Die Adresse wurde nach dem Versand dieses Links abgemeldet, deshalb kann der Link sie nicht wieder anmelden. Wenn du zurückkommen willst, melde dich unten neu an.",
    unavailableHeading: "Dieser Link kann gerade nicht geprüft werden",
    unavailableLead:
      "Die Website erreicht ihre Datenbank im Moment nicht. Es wurde nichts verändert. Öffne den Link bitte in ein paar Minuten noch einmal.",
    subscribedHeading: "Du bist angemeldet",
    subscribedLead: "Die nächste Ausgabe geht an {email}.",
    pendingHeading: "Bestätige deine Anmeldung",
    pendingLead: "Ein letzter Schritt: Klick auf den Button, um den Newsletter zu erhalten.",
  },
  issues: {
    eyebrow: "Newsletter",
    pastIssues: "Bisherige Ausgaben",
    firstIssueSoon: "Die erste Ausgabe ist in Arbeit.",
    feedsBefore: "Lieber im Feedreader? Folge per",
    feedsOr: "oder",
    moreIssues: "Weitere Ausgaben",
    allIssues: "Alle Ausgaben",
    previous: "Vorherige Ausgabe",
    next: "Nächste Ausgabe",
    signupHeading: "Die nächste Ausgabe per E-Mail",
    subscribeLink: "Abonnieren",
    feedTitle: "{site}: Newsletter",
  },
  digest: {
    intro: "{site} braucht deinen Blick: {summary}.",
    subject: "{site}: {summary}",
    held: { one: "{count} zurückgehaltene Anfrage", other: "{count} zurückgehaltene Anfragen" },
    undelivered: { one: "{count} nicht zugestellte Anfrage", other: "{count} nicht zugestellte Anfragen" },
    heldHeading: "Zurückgehalten (vielleicht ein Bot, nicht an dich gemailt; freigeben, um sie zuzustellen)",
    failedHeading:
      "Nicht zugestellt (der Mail-Dienst fiel immer wieder aus; erneut versuchen, um jetzt zu senden)",
    inquiriesFooter: "Eine ganz lesen: npm run inquiries -- show <id>",
    notDelivered: "nicht zugestellt",
    contacts: {
      one: "{count} Newsletter-Kontakt nicht bei Resend",
      other: "{count} Newsletter-Kontakte nicht bei Resend",
    },
    contactsHeading:
      "Bestätigte Abonnent:innen, die Resend nicht angenommen hat (sie bekommen keine Ausgaben, bis es klappt; 7 Tage lang neu versucht)",
    contactsFooter:
      "Eine Ablehnung liegt meist an einer Einstellung: prüfe RESEND_SEGMENT_ID und die Kontakt-Rechte des API-Schlüssels. Dann: npm run subscribers -- retry",
    contactGivenUp: "aufgegeben",
    contactAttempts: { one: "{count} Versuch", other: "{count} Versuche" },
    contactFailingSince: "scheitert seit {day}",
    contactNotTried: "noch nicht versucht",
    contactNotWritten: "noch nicht geschrieben",
    caps: {
      one: "{count} E-Mail von einem Limit gestoppt",
      other: "{count} E-Mails von einem Limit gestoppt",
    },
    capsHeading:
      "E-Mails an eingetippte Adressen, die ein Limit gestoppt hat (zurückgehaltene Bestätigungen gehen raus, sobald das Limit zurückgesetzt ist)",
    capsFooter:
      "Wenn echte Anmeldungen das Tageslimit erreichen, ist EMAIL_DAILY_CAP zu niedrig für den Betrieb der Website.",
    capKinds: {
      "daily:newsletter-confirmation":
        "Newsletter-Bestätigungen vom Tageslimit zurückgehalten (EMAIL_DAILY_CAP)",
      "daily:inquiry-receipt":
        "Eingangsbestätigungen nicht gesendet: das Tageslimit (EMAIL_DAILY_CAP) war erreicht",
      "address:newsletter-confirmation":
        "Newsletter-Bestätigungen abgelehnt: ein Postfach wollte mehr als seinen Anteil",
      "address:inquiry-receipt":
        "Eingangsbestätigungen nicht gesendet: ein Postfach hatte seinen Tagesanteil",
    },
  },
  structuredData: {
    home: "Startseite",
    newsletter: "Newsletter",
    introCall: "Erstgespräch",
    offerName: "{service}: Erstgespräch",
    offerDescription: "Ein kostenloses, unverbindliches Erstgespräch, um zu sehen, ob Coaching passt.",
  },
  emails: {
    inquiry: {
      subject: "Anfrage für ein Erstgespräch von {name}",
      footer:
        "Gesendet über das Kontaktformular der Website. Antworte auf diese E-Mail, um {name} direkt zu antworten.",
      name: "Name",
      email: "E-Mail",
      company: "Unternehmen",
      role: "Rolle",
      heading: "Neue Anfrage für ein Erstgespräch",
      language: "Geschrieben auf",
      message: "Woran die Person arbeiten möchte",
    },
    receipt: {
      subject: "Danke für deine Nachricht an {coach}",
      preview: "Deine Nachricht ist angekommen. Ich antworte innerhalb von zwei Werktagen.",
      footer:
        "Du bekommst diese E-Mail, weil jemand diese Adresse in das Kontaktformular von {practice} eingegeben hat. Wenn du das nicht warst, ignoriere sie einfach: Es folgt nichts weiter.",
      heading: "Danke, dass du dich gemeldet hast",
      body: "Deine Nachricht ist angekommen. Ich lese jede Anfrage selbst und antworte innerhalb von zwei Werktagen, um einen Termin für ein kostenloses, 30-minütiges Erstgespräch zu finden.",
      booking: "Wenn du nicht warten willst, wähl direkt einen Termin für das Erstgespräch:",
      urgent: "Wenn etwas dringend ist, antworte einfach auf diese E-Mail.",
    },
    confirmation: {
      subject: "Bitte bestätige deine Anmeldung zum Newsletter von {practice}",
      preview: "Bitte bestätige deine Anmeldung zum Newsletter von {practice}",
      footer:
        "Jemand, hoffentlich du, hat diese Adresse in das Newsletter-Formular von {practice} eingegeben. Wenn du das nicht warst, ignoriere diese E-Mail: Ohne Bestätigung wirst du nicht angemeldet und hörst nichts mehr von uns.",
      heading: "Bitte bestätige deine Anmeldung",
      body: "Um den Newsletter zu erhalten, bestätige, dass dies deine Adresse ist:",
      button: "Anmeldung bestätigen",
      fallback: "Falls der Button nicht funktioniert, öffne diesen Link:",
      validUntil: "Der Link ist gültig bis {date}.",
    },
    weeklyReport: {
      subject: "{practice}: deine Woche vom {from} bis {to}",
      heading: "Deine Website vom {from} bis {to}",
      intro:
        "Die letzten 7 Tage im Vergleich zu den 7 davor. Gezählt auf deinem eigenen Server: kein Cookie, kein Dritter.",
      empty: "In diesen zwei Wochen wurden keine Besuche gezählt.",
      visitors: "Besucher",
      pageViews: "Seitenaufrufe",
      conversions: "Conversions",
      inquiries: "Anfragen",
      signups: "Newsletter-Anmeldungen",
      confirmed: "Newsletter-Bestätigungen",
      bookings: "Buchungslink geöffnet",
      thisWeek: "Diese Woche",
      weekBefore: "Woche davor",
      topPages: "Meistbesuchte Seiten",
      topSources: "Woher die Besucher kamen",
      bySource: "Conversions nach Quelle",
      byLandingPage: "Conversions nach Einstiegsseite",
      webVitals: "Ladezeit für echte Leser (75. Perzentil)",
      page: "Seite",
      source: "Quelle",
      views: "Aufrufe",
      rate: "Quote",
      ratings: { good: "gut", "needs-improvement": "verbesserungswürdig", poor: "schlecht" },
      footer: "Jeden Montag von deiner Website verschickt. Mehr: npm run stats -- --days 30",
    },
    issue: {
      testCopy:
        "Dies ist eine Testkopie an eine einzelne Adresse: Der Abmeldelink wird ergänzt, wenn die Ausgabe an die Abonnent:innen geht.",
      readOnWeb: "Diese Ausgabe im Web lesen",
      readOnWebShort: "Im Web lesen",
      masthead: "Newsletter von {practice}",
      subscribedAt: "Du bekommst diese E-Mail, weil du den Newsletter von {practice} abonniert hast auf",
      unsubscribe: "Abmelden",
      unsubscribeAfter: "mit einem Klick.",
      testSubject: "[Test] {title}",
    },
  },
};
