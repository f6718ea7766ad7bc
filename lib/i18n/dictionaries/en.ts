import { errorWords } from "@/lib/i18n/dictionaries/en-error";

/**
 * Every English word of the site outside content/: the interface, the forms' labels and
 * answers, the validation messages, the emails. `{name}` marks a value filled in by `fill`.
 * The German dictionary is typed from this one, so a missing German string fails the typecheck.
 */
export const en = {
  site: {
    tagline: "Executive coaching for VPs of Engineering and engineering leaders",
    description:
      "Executive coaching for VPs of Engineering, Heads of Engineering and CTOs: influence without authority, the CTO question, and the career after VPE.",
    newsletterPitch: "Join {count} CTOs and engineering managers for opinionated insights",
    newsletterCadence: "about twice a month",
    newsletterBlurb: "One idea per issue, {cadence}. Confirm by email; leave with one click.",
    country: "Germany",
    coachJobTitle: "Executive coach for engineering leaders",
    coachBio:
      "Former VP of Engineering and CTO. I have sat in both seats and now coach engineering leaders one to one.",
    ogFallbackEyebrow: "Executive coaching",
  },
  common: {
    skipToContent: "Skip to content",
    mainNav: "Main",
    footerNav: "Footer",
    bookIntroCall: "Book an intro call",
    goHome: "Go to the home page",
    lastUpdated: "Last updated",
    policyVersion: "Version",
    /** On a page in the other language: the link to this language's version, in this language. */
    thisPageInLanguage: "This page in English",
    /** The site's languages, named in this language (the coach's emails say which one a person used). */
    languageNames: { en: "English", de: "German" },
  },
  notFound: {
    title: "Page not found",
    heading: "This page does not exist",
    lead: "The link may be old, or the address mistyped. Everything on this site starts from the home page.",
    offerLink: "VP of Engineering coaching",
  },
  error: errorWords,
  fields: {
    optional: "(optional)",
    email: "Email",
  },
  inquiryForm: {
    requiredNote: "All fields are required unless marked optional.",
    submit: "Send inquiry",
    pending: "Sending…",
    name: "Name",
    company: "Company",
    role: "Role",
    chooseRole: "Choose your role",
    roles: {
      "VP Engineering": "VP Engineering",
      CTO: "CTO",
      "Head/Director of Engineering": "Head/Director of Engineering",
      Other: "Other",
    },
    message: "What would you like to work on?",
    messageHint: "A sentence or a few: where you are, and what you want to change. Up to {max} characters.",
  },
  newsletterForm: {
    landmark: "Newsletter signup",
    submit: "Subscribe",
    pending: "Subscribing…",
    firstName: "First name",
    privacyLink: "How your data is kept",
    /** The id of the privacy page's newsletter heading (its words, as rehype-slug makes ids). */
    privacyAnchor: "the-newsletter",
  },
  confirmForm: {
    questionBefore: "Subscribe",
    questionAfter: "to the newsletter?",
    submit: "Confirm subscription",
    pending: "Confirming…",
  },
  /** The forms' field errors, in the browser and from the server alike (keys in validation.ts). */
  validation: {
    emailRequired: "Please enter your email address.",
    emailTooLong: "That email address is too long.",
    emailInvalid: "Please enter a valid email address, like you@company.com.",
    nameRequired: "Please enter your name.",
    nameTooLong: "Please keep your name under {max} characters.",
    companyTooLong: "Please keep the company name under {max} characters.",
    roleInvalid: "Please choose one of the roles in the list.",
    messageRequired: "Please tell me what you would like to work on.",
    messageTooShort: "Please write a sentence or more (at least {min} characters).",
    messageTooLong: "Please keep it under {max} characters: we can go into detail on the call.",
    firstNameTooLong: "Please keep your first name under {max} characters.",
  },
  wait: { one: "{count} minute", other: "{count} minutes" },
  inquiryAnswers: {
    thanksWithReceipt:
      "Thank you. Your message has reached {coach}, and a confirmation is on its way to your inbox. Expect a reply within two working days to find a time for the intro call.",
    thanks:
      "Thank you. Your message has reached {coach}. Expect a reply within two working days to find a time for the intro call.",
    saved:
      "Thank you. Your message is saved and will reach {coach} shortly; you will get a confirmation by email when it has.",
    invalid: "Your message was not sent. Please correct the fields marked below.",
    rateLimited:
      "Your message was not sent: this network has sent several messages in a short time. Please try again in {wait}, or email {email}.",
    failed:
      "Your message was not sent: the site could not save it just now. Everything you typed is still here, so please try again in a minute, or email {email} directly.",
    booking: "Pick a time for the intro call now",
  },
  newsletterAnswers: {
    onItsWay:
      "Almost done: a confirmation link is on its way to {email}. Press the button in that email to start receiving the newsletter.",
    paused:
      "Almost done: your signup is saved, but confirmation emails are paused until tomorrow because the site has sent its daily maximum. Yours will follow to {email}; press the button in it to start receiving the newsletter.",
    invalid: "You are not subscribed yet. Please correct the field marked below.",
    rateLimited: "Too many signups from this network in a short time. Please try again in {wait}.",
    failed:
      "Your signup could not be saved just now, so you are not subscribed yet. Please try again in a minute.",
  },
  confirmAnswers: {
    rateLimited:
      "This button was pressed many times from your network in a short time. Please try again in {wait}.",
    subscribed: "You're subscribed. The next issue goes to {email}.",
    expired: "This confirmation link has expired, so nobody was subscribed. Please sign up again below.",
    superseded:
      "This link is from before the address left the list, so it cannot subscribe it again. To come back, sign up below.",
    unknown: "This confirmation link is not valid. Please sign up again below.",
    failed:
      "Your subscription could not be saved just now, so you are not subscribed yet. Please press the button again in a minute.",
  },
  confirmPage: {
    title: "Confirm your subscription",
    description: "Confirm your subscription to the newsletter with one button.",
    unknownHeading: "This link does not work",
    unknownLead:
      "The confirmation link is incomplete or has been changed. Nobody was subscribed. Sign up again and you will get a fresh link.",
    expiredHeading: "This link has expired",
    expiredLead:
      "Confirmation links work for 48 hours. Nobody was subscribed. Sign up again and you will get a fresh link.",
    supersededHeading: "This link no longer works",
    supersededLead:
      "The address left the list after this link was sent, so the link cannot subscribe it again. To come back, sign up again below.",
    unavailableHeading: "This link cannot be checked right now",
    unavailableLead:
      "The site cannot reach its database at the moment. Nothing was changed. Please open the link again in a few minutes.",
    subscribedHeading: "You're subscribed",
    subscribedLead: "The next issue goes to {email}.",
    pendingHeading: "Confirm your subscription",
    pendingLead: "One last step: press the button to start receiving the newsletter.",
  },
  issues: {
    eyebrow: "Newsletter",
    pastIssues: "Past issues",
    firstIssueSoon: "The first issue is on its way.",
    feedsBefore: "Prefer a feed reader? Follow by",
    feedsOr: "or",
    moreIssues: "More issues",
    allIssues: "All issues",
    previous: "Previous issue",
    next: "Next issue",
    signupHeading: "Get the next issue by email",
    /** The link in an issue's header down to its signup. */
    subscribeLink: "Subscribe",
    feedTitle: "{site}: newsletter",
  },
  /** The coach's daily digest, in the coach's language (siteConfig.coachLanguage). */
  digest: {
    intro: "{site} needs a look: {summary}.",
    subject: "{site}: {summary}",
    held: { one: "{count} held inquiry", other: "{count} held inquiries" },
    undelivered: { one: "{count} undelivered inquiry", other: "{count} undelivered inquiries" },
    heldHeading: "Held (possibly a bot, not emailed to you; release to deliver)",
    failedHeading: "Not delivered (the mail service kept failing; retry to send now)",
    inquiriesFooter: "Read one in full with: npm run inquiries -- show <id>",
    notDelivered: "not delivered",
    contacts: {
      one: "{count} newsletter contact not in Resend",
      other: "{count} newsletter contacts not in Resend",
    },
    contactsHeading:
      "Confirmed subscribers Resend did not take (they get no issues until it does; retried for 7 days)",
    contactsFooter:
      "A refusal usually means a setting: check RESEND_SEGMENT_ID and the API key's contacts access. Then: npm run subscribers -- retry",
    contactGivenUp: "given up",
    contactAttempts: { one: "{count} attempt", other: "{count} attempts" },
    contactFailingSince: "failing since {day}",
    contactNotTried: "not tried yet",
    contactNotWritten: "not written yet",
    caps: { one: "{count} email stopped by a cap", other: "{count} emails stopped by a cap" },
    capsHeading: "Emails to typed addresses stopped by a cap (held confirmations go out once the cap resets)",
    capsFooter:
      "A daily cap reached by real signups means EMAIL_DAILY_CAP is too low for the site's traffic.",
    capKinds: {
      "daily:newsletter-confirmation":
        "newsletter confirmations held back by the daily cap (EMAIL_DAILY_CAP)",
      "daily:inquiry-receipt": "inquiry receipts not sent: the daily cap (EMAIL_DAILY_CAP) was used up",
      "address:newsletter-confirmation":
        "newsletter confirmations refused: one mailbox asked for more than its share",
      "address:inquiry-receipt": "inquiry receipts not sent: one mailbox had its share for the day",
    },
  },
  structuredData: {
    home: "Home",
    newsletter: "Newsletter",
    introCall: "Intro call",
    offerName: "{service}: intro call",
    offerDescription: "A free, no-obligation intro call to see whether coaching fits.",
  },
  emails: {
    inquiry: {
      subject: "Intro call inquiry from {name}",
      footer: "Sent by the contact form on the website. Reply to this email to answer {name} directly.",
      name: "Name",
      email: "Email",
      company: "Company",
      role: "Role",
      heading: "New intro call inquiry",
      language: "Wrote in",
      message: "What they would like to work on",
    },
    receipt: {
      subject: "Thank you for your message to {coach}",
      preview: "Your message has arrived. I reply within two working days.",
      footer:
        "You receive this because someone entered this address in the contact form of {practice}. If that was not you, ignore this email: nothing else will follow.",
      heading: "Thank you for getting in touch",
      body: "Your message has arrived. I read every inquiry myself and reply within two working days to find a time for a free, 30-minute intro call.",
      booking: "If you would rather not wait, pick a time for the intro call now:",
      urgent: "If anything is urgent, simply reply to this email.",
    },
    confirmation: {
      subject: "Please confirm your subscription to the {practice} newsletter",
      preview: "Please confirm your subscription to the {practice} newsletter",
      footer:
        "Someone, hopefully you, entered this address in the newsletter form of {practice}. If it was not you, ignore this email: without confirmation you will not be subscribed and will not hear from us again.",
      heading: "Please confirm your subscription",
      body: "To receive the newsletter, confirm that this is your address:",
      button: "Confirm subscription",
      fallback: "If the button does not work, open this link:",
      validUntil: "The link is valid until {date}.",
    },
    weeklyReport: {
      subject: "{practice}: your week, {from} to {to}",
      heading: "Your website, {from} to {to}",
      intro: "The last 7 days against the 7 before. Counted on your own server: no cookie, no third party.",
      empty: "No visits were recorded in these two weeks.",
      visitors: "Visitors",
      pageViews: "Page views",
      conversions: "Conversions",
      inquiries: "Inquiries",
      signups: "Newsletter signups",
      confirmed: "Newsletter confirmations",
      bookings: "Booking link followed",
      thisWeek: "This week",
      weekBefore: "Week before",
      topPages: "Top pages",
      topSources: "Where visitors came from",
      bySource: "Conversions by source",
      byLandingPage: "Conversions by landing page",
      webVitals: "Speed for real readers (75th percentile)",
      page: "Page",
      source: "Source",
      views: "Views",
      rate: "Rate",
      ratings: { good: "good", "needs-improvement": "needs improvement", poor: "poor" },
      footer: "Sent every Monday by your website. More: npm run stats -- --days 30",
    },
    issue: {
      testCopy:
        "This is a test copy sent to one address: the unsubscribe link is added when the issue goes to subscribers.",
      readOnWeb: "Read this issue on the web",
      readOnWebShort: "Read on the web",
      masthead: "{practice} newsletter",
      subscribedAt: "You receive this because you subscribed to the {practice} newsletter at",
      unsubscribe: "Unsubscribe",
      unsubscribeAfter: "with one click.",
      testSubject: "[Test] {title}",
    },
  },
};

export type Dictionary = typeof en;
