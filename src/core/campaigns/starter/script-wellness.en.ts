import type { ScriptVersionBody } from '../../../shared/schemas/scripts.js';

/**
 * "Wellness check-in for seniors", English. Lines marked "Note:" are for the caller, not to be
 * read out. Step and answer ids must match the French version.
 */
export const WELLNESS_EN: ScriptVersionBody = {
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
      text: 'It’s been a difficult time for a lot of people, so we’re calling some of our members just to check in and see how you’re doing. Nothing is wrong with your account — it’s simply a friendly call from the library.',
      next: 'good-time',
    },
    {
      id: 'good-time',
      type: 'question',
      title: 'Is this a good time?',
      text: 'Is now a good time to chat for a few minutes?',
      answers: [
        { id: 'yes', label: 'Yes, go ahead', next: 'how-are-you' },
        { id: 'call-back', label: 'Not now — call back later', next: 'end-call-back' },
        { id: 'no-thanks', label: 'No, thank you', next: 'end-no-thanks' },
        { id: 'do-not-call', label: 'Please don’t call me again', next: 'end-do-not-call' },
      ],
    },
    {
      id: 'how-are-you',
      type: 'question',
      title: 'How are they doing?',
      text: 'How have you been keeping lately?\n\nNote: take your time and let them talk. There is no rush.',
      answers: [
        { id: 'well', label: 'Doing well', next: 'internet' },
        { id: 'needs-help', label: 'Could use some help', next: 'support' },
        { id: 'more-contact', label: 'Would like more contact', next: 'more-contact' },
      ],
    },
    {
      id: 'support',
      type: 'say',
      title: 'Offer support',
      text: 'I’m sorry to hear it’s been hard. You don’t have to manage on your own. 211 Ontario can connect you with help in your community — meals, rides, home care, someone to talk to. Just dial 2-1-1: it’s free, confidential, open day and night, and they speak many languages.\n\nNote: record a wellbeing concern in the call notes so a coordinator can follow up. If they are in danger right now, tell them to call 9-1-1.',
      next: 'internet',
    },
    {
      id: 'more-contact',
      type: 'say',
      title: 'Stay in touch',
      text: 'We’d be glad to call you again. And if you’d like to meet people, the library has book clubs and talks you can join from home — some even by phone.\n\nNote: record that they would like another friendly call.',
      next: 'internet',
    },
    {
      id: 'internet',
      type: 'question',
      title: 'Internet at home',
      text: 'Do you have internet at home — on a computer, a tablet or a smartphone?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'services-online' },
        { id: 'no', label: 'No', next: 'services-offline' },
      ],
    },
    {
      id: 'services-online',
      type: 'services',
      title: 'Services you can use from home',
      text: 'There’s a lot you can do with the library from home. Let me tell you about a few things.\n\nNote: pick what suits them; you don’t have to mention everything. Tick what you told them about.',
      services: ['eresources', 'virtual-programs', 'digital-card'],
      next: 'questions',
    },
    {
      id: 'services-offline',
      type: 'services',
      title: 'Services without the internet',
      text: 'That’s no problem at all — you can still use the library without the internet.\n\nNote: tick what you told them about.',
      services: ['curbside', 'virtual-info-desk'],
      next: 'questions',
    },
    {
      id: 'questions',
      type: 'question',
      title: 'Questions for the library',
      text: 'Is there anything you’d like to ask the library, or anything we can look into for you?',
      answers: [
        { id: 'none', label: 'No questions', next: 'follow-up-email' },
        { id: 'has-question', label: 'Has a question', next: 'information-request' },
      ],
    },
    {
      id: 'information-request',
      type: 'say',
      title: 'Take down the question',
      text: 'Good question — let me make a note of it.\n\nNote: answer if you can. If not, record an information request with their question and how they would like to hear back, and tell them when to expect an answer.',
      next: 'follow-up-email',
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
      text: 'Thank you so much for taking the time to chat with me, {{patron.firstName}}. If you ever need anything, you can call us at {{library.callbackNumber}}. Take good care, and have a lovely day.',
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
