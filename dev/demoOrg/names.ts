/** Given names and surnames from many cultures, so the demo directory looks like a real global company. */
export const GIVEN_NAMES = [
  'Aisha', 'Akira', 'Alejandro', 'Amara', 'Ana', 'Anders', 'Anjali', 'Arjun', 'Astrid', 'Ayşe',
  'Bashir', 'Beatriz', 'Bongani', 'Carlos', 'Chen', 'Chiara', 'Chinedu', 'Claire', 'Dalia', 'Daniel',
  'Dmitri', 'Elif', 'Emeka', 'Emma', 'Eun-ji', 'Fatima', 'Femi', 'Freya', 'Gabriel', 'Grace',
  'Hana', 'Hamza', 'Ines', 'Ioana', 'Isaac', 'Jamal', 'Javier', 'Jessica', 'Joaquín', 'Kaito',
  'Kamala', 'Kwame', 'Lars', 'Leila', 'Liam', 'Lucía', 'Mai', 'Malik', 'María', 'Mateo',
  'Mei', 'Mohammed', 'Nadia', 'Naledi', 'Niamh', 'Nikhil', 'Noor', 'Oluwaseun', 'Omar', 'Priyanka',
  'Rafael', 'Rania', 'Ravi', 'Rosa', 'Ruth', 'Saanvi', 'Samuel', 'Sanne', 'Sebastián', 'Siobhán',
  'Sofia', 'Sven', 'Tariq', 'Thandiwe', 'Thi Lan', 'Valentina', 'Wei', 'Yara', 'Yusuf', 'Zoë',
];

export const SURNAMES = [
  'Abdullah', 'Achebe', 'Ahmed', 'Alvarez', 'Andersson', 'Bakker', 'Banerjee', 'Bianchi', 'Boateng', 'Brennan',
  'Castillo', 'Chowdhury', 'Cohen', 'Da Silva', 'de Vries', 'Demir', 'Dlamini', 'Dubois', 'Eriksen', 'Fernández',
  'Fischer', 'Gallagher', 'García', 'Gupta', 'Haddad', 'Hansen', 'Hernández', 'Hoang', 'Hughes', 'Ibrahim',
  'Iyer', 'Jansen', 'Johansson', 'Kapoor', 'Kato', 'Kaur', 'Khan', 'Kim', 'Kowalski', 'Kuznetsova',
  'Lee', 'Li', 'Lindqvist', 'MacLeod', 'Mahlangu', 'Martin', 'Mensah', 'Moreau', 'Murphy', 'Nakamura',
  'Ndlovu', "O'Brien", 'Okafor', 'Olsen', 'Osei', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Quispe',
  'Rahman', 'Reyes', 'Rossi', 'Said', 'Santos', 'Sato', 'Schmidt', 'Sharma', 'Singh', 'Smith',
  'Suzuki', 'Tanaka', 'Taylor', 'Van den Berg', 'Wang', 'Williams', 'Wójcik', 'Yilmaz', 'Zhang', 'Zulu',
];

/** `Zoë O'Brien` -> `zoe.obrien`: mail local parts are plain ASCII. */
export function mailLocalPart(givenName: string, surname: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${clean(givenName)}.${clean(surname)}`;
}
