import type { ScriptVersionBody } from '../../../shared/schemas/scripts.js';

/**
 * "What's new at the library", English: the original Customer Care Calls — a check-in, then the
 * library's digital services, curbside, virtual programs and the digital card, then feedback.
 * Lines marked "Note:" are for the caller. Step and answer ids must match the French version.
 */
export const WHATS_NEW_EN: ScriptVersionBody = {
  language: 'en',
  start: 'intro',
  steps: [
    {
      id: 'intro',
      type: 'question',
      title: 'Introduce yourself',
      text: 'Hello, my name is {{caller.name}} and I’m calling from {{library.name}}. May I speak with {{patron.firstName}}, please?',
      answers: [
        { id: 'speaking', label: 'Speaking with {{patron.firstName}}', next: 'why' },
        { id: 'not-available', label: 'They’re not available', next: 'end-not-available' },
      ],
    },
    {
      id: 'why',
      type: 'say',
      title: 'Why you are calling',
      text: 'We’re calling some of our regular library users to check in, and to let you know about the ways you can still use the library right now.',
      next: 'good-time',
    },
    {
      id: 'good-time',
      type: 'question',
      title: 'Is this a good time?',
      text: 'Do you have a few minutes?',
      answers: [
        { id: 'yes', label: 'Yes, go ahead', next: 'check-in' },
        { id: 'call-back', label: 'Not now — call back later', next: 'end-call-back' },
        { id: 'no-thanks', label: 'No, thank you', next: 'end-no-thanks' },
        { id: 'do-not-call', label: 'Please don’t call me again', next: 'end-do-not-call' },
      ],
    },
    {
      id: 'check-in',
      type: 'question',
      title: 'Check in',
      text: 'First of all, how are you and your family doing?',
      answers: [
        { id: 'well', label: 'Doing well', next: 'digital-services' },
        { id: 'needs-help', label: 'Could use some help', next: 'support' },
      ],
    },
    {
      id: 'support',
      type: 'say',
      title: 'Offer support',
      text: 'I’m sorry to hear that. 211 Ontario can connect you with help in your community — just dial 2-1-1, any time; it’s free and confidential.\n\nNote: record a wellbeing concern in the call notes so a coordinator can follow up. If they are in danger right now, tell them to call 9-1-1.',
      next: 'digital-services',
    },
    {
      id: 'digital-services',
      type: 'services',
      title: 'Digital services',
      text: 'Many of our services are online now, and they’re all free with your library card.\n\nNote: tick what you told them about.',
      services: ['eresources', 'virtual-info-desk', 'enewsletter'],
      next: 'curbside',
    },
    {
      id: 'curbside',
      type: 'services',
      title: 'Curbside service',
      text: 'If you prefer print books, you can still borrow them.',
      services: ['curbside'],
      next: 'virtual-programs',
    },
    {
      id: 'virtual-programs',
      type: 'services',
      title: 'Virtual programs',
      text: 'We’ve also moved many of our programs online.',
      services: ['virtual-programs'],
      next: 'digital-card',
    },
    {
      id: 'digital-card',
      type: 'services',
      title: 'Digital library card',
      text: 'And if anyone at home doesn’t have a library card yet, they can get one online.',
      services: ['digital-card'],
      next: 'questions',
    },
    {
      id: 'questions',
      type: 'question',
      title: 'Questions for the library',
      text: 'Do you have any questions for the library?',
      answers: [
        { id: 'none', label: 'No questions', next: 'feedback' },
        { id: 'has-question', label: 'Has a question', next: 'information-request' },
      ],
    },
    {
      id: 'information-request',
      type: 'say',
      title: 'Take down the question',
      text: 'Let me make a note of that.\n\nNote: answer if you can. If not, record an information request with their question and how they would like to hear back, and tell them when to expect an answer.',
      next: 'feedback',
    },
    {
      id: 'feedback',
      type: 'question',
      title: 'Ask for feedback',
      text: 'We’d love to know: what do you think of the library’s services during this time?',
      answers: [
        { id: 'shared', label: 'Shared their thoughts', next: 'quote-consent' },
        { id: 'none', label: 'Nothing to add', next: 'follow-up-email' },
      ],
    },
    {
      id: 'quote-consent',
      type: 'question',
      title: 'Ask before sharing their words',
      text: 'Thank you, that’s lovely to hear. Would it be all right if the library shared what you said — for example in a report or our newsletter? And how should we name you: your first name, your initials, or no name at all?\n\nNote: read their words back to them. Record the quote only if they agree, with the attribution they chose.',
      answers: [
        { id: 'named', label: 'Yes, with their name or initials', next: 'follow-up-email' },
        { id: 'anonymous', label: 'Yes, without their name', next: 'follow-up-email' },
        { id: 'no', label: 'No', next: 'follow-up-email' },
      ],
    },
    {
      id: 'follow-up-email',
      type: 'question',
      title: 'Follow-up e-mail',
      text: 'Would you like me to send you an e-mail with the links to what we talked about?\n\nNote: if yes, check the e-mail address on file with them before sending.',
      answers: [
        { id: 'yes', label: 'Yes, send an e-mail', next: 'close' },
        { id: 'no', label: 'No, thank you', next: 'close' },
        { id: 'no-email', label: 'Has no e-mail', next: 'close' },
      ],
    },
    {
      id: 'close',
      type: 'end',
      title: 'Thank them and close',
      text: 'Thank you so much for your time, {{patron.firstName}}. We miss seeing you! If you need anything, call us at {{library.callbackNumber}}. Take care and stay well.',
    },
    {
      id: 'end-call-back',
      type: 'end',
      title: 'Arrange a callback',
      text: 'No problem at all. When would be a better time for me to call back?\n\nNote: record the callback time. Then: “Thank you, talk to you soon!”',
    },
    {
      id: 'end-no-thanks',
      type: 'end',
      title: 'End politely',
      text: 'That’s quite all right. Thank you for your time. If you ever need us, the library’s number is {{library.callbackNumber}}. Have a good day.',
    },
    {
      id: 'end-do-not-call',
      type: 'end',
      title: 'Do not call again',
      text: 'I understand, and I’m sorry to have bothered you. I’ll make a note so we don’t call again. Have a good day.\n\nNote: record “do not call” for this patron.',
    },
    {
      id: 'end-not-available',
      type: 'end',
      title: 'Patron not available',
      text: 'No problem. Is there a better time to reach {{patron.firstName}}?\n\nNote: say only that the library called to say hello — share no other details. Record the better time if you get one.',
    },
  ],
};
