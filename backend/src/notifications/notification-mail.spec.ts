import { notificationMail } from './notification-mail';

const content = {
  to: 'redaktion@musterstadt.example',
  recipientName: 'Rita Redaktion',
  organizationName: 'Stadt Musterstadt',
  kind: 'approval_missing' as const,
  title: 'Freigabe fehlt: Stadtfest-Ankündigung',
  body: 'Der Beitrag war für 10:00 Uhr geplant und wurde nicht veröffentlicht.',
  link: '/o/0b6f/redaktionsplan?beitrag=42',
};

describe('notificationMail', () => {
  it('writes a German plain-text mail with the link behind the app origin and where to switch it off', () => {
    const mail = notificationMail(content, 'https://amtsplan.stadt.example');
    expect(mail.to).toBe('redaktion@musterstadt.example');
    expect(mail.subject).toBe('Freigabe fehlt: Stadtfest-Ankündigung – Amtsplan');
    expect(mail.text.split('\n')).toEqual([
      'Guten Tag Rita Redaktion,',
      '',
      'Freigabe fehlt: Stadtfest-Ankündigung',
      '',
      'Der Beitrag war für 10:00 Uhr geplant und wurde nicht veröffentlicht.',
      '',
      'In Amtsplan öffnen:',
      'https://amtsplan.stadt.example/o/0b6f/redaktionsplan?beitrag=42',
      '',
      '-- ',
      'Amtsplan · Stadt Musterstadt',
      'Sie erhalten diese E-Mail, weil für „Freigabe fehlt zum geplanten Zeitpunkt“ E-Mails eingeschaltet sind.',
      'Einstellen unter: https://amtsplan.stadt.example/benachrichtigungen',
    ]);
  });

  it('leaves out what the notification does not have', () => {
    const mail = notificationMail({ ...content, body: '', link: null }, 'http://localhost:3000');
    expect(mail.text).not.toContain('In Amtsplan öffnen');
    expect(mail.text.split('\n').slice(0, 4)).toEqual(['Guten Tag Rita Redaktion,', '', 'Freigabe fehlt: Stadtfest-Ankündigung', '']);
  });
});
