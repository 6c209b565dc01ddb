/**
 * Name pools for synthetic patrons, weighted to resemble the communities a library around Vaughan,
 * Ontario serves. `share` is how often a patron of that background prefers the language (seniors
 * more often, see synthetic-patrons.ts); the rest prefer English.
 */
export interface Origin {
  key: string;
  weight: number;
  language: string;
  share: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
}

const words = (text: string): readonly string[] => text.trim().split(/\s*\|\s*/);

export const ORIGINS: readonly Origin[] = [
  {
    key: 'english',
    weight: 29,
    language: 'en',
    share: 1,
    female: words(
      'Margaret | Dorothy | Joan | Barbara | Patricia | Linda | Susan | Elizabeth | Jennifer | Karen | Sarah | Emily | Olivia | Emma | Charlotte | Helen | Shirley | Jean | Ruth | Evelyn',
    ),
    male: words(
      'John | Robert | William | James | David | Richard | Thomas | George | Donald | Kenneth | Michael | Brian | Paul | Gordon | Douglas | Ethan | Liam | Noah | Jack | Harold',
    ),
    surnames: words(
      "Smith | Brown | Wilson | Taylor | Campbell | Anderson | MacDonald | Thompson | Martin | Stewart | Young | Clarke | Robinson | Walker | Wright | O'Brien | Murphy | Kelly | Fraser | Graham | Hughes | Morrison | Reid | Bell | Ross",
    ),
  },
  {
    key: 'italian',
    weight: 20,
    language: 'it',
    share: 0.3,
    female: words(
      'Maria | Anna | Giuseppina | Rosa | Angela | Giovanna | Teresa | Lucia | Carmela | Francesca | Antonietta | Concetta | Assunta | Lina | Elena | Sofia | Giulia | Chiara | Gabriella | Rita',
    ),
    male: words(
      'Giuseppe | Antonio | Giovanni | Mario | Francesco | Luigi | Vincenzo | Pietro | Salvatore | Carlo | Franco | Domenico | Angelo | Bruno | Paolo | Marco | Luca | Matteo | Alessandro | Nicola',
    ),
    surnames: words(
      "Rossi | Russo | Ferrari | Esposito | Bianchi | Romano | Colombo | Ricci | Marino | Greco | Gallo | Conti | De Luca | Mancini | Costa | Giordano | Rizzo | Lombardi | Moretti | Barbieri | Fontana | Santoro | Caruso | D'Angelo | Di Pietro",
    ),
  },
  {
    key: 'chinese',
    weight: 9,
    language: 'zh',
    share: 0.45,
    female: words(
      'Mei | Li Na | Xiu Ying | Fang | Hui | Jing | Yan | Ling | Xiaoling | Ying | Wai Man | Siu Ling | Yuk Lan | Min | Qian',
    ),
    male: words(
      'Wei | Jun | Hao | Ming | Jian | Lei | Tao | Yong | Kwok Wing | Chi Keung | Wing Kei | Zhi Qiang | Bo | Chen | Gang',
    ),
    surnames: words(
      'Wang | Li | Zhang | Liu | Chen | Yang | Huang | Zhao | Wu | Zhou | Xu | Sun | Ma | Zhu | Hu | Lam | Chan | Wong | Leung | Cheung | Ho | Ng | Lau | Tse | Yip',
    ),
  },
  {
    key: 'south-asian',
    weight: 9,
    language: 'pa',
    share: 0.3,
    female: words(
      'Harpreet | Manpreet | Gurpreet | Jaspreet | Simran | Navneet | Amrit | Kamaljit | Priya | Anjali | Sunita | Rajinder | Baljit | Parminder | Kiran',
    ),
    male: words(
      'Gurdeep | Harjit | Jaswinder | Sukhwinder | Amarjit | Rajesh | Sanjay | Arjun | Vikram | Kuldeep | Balwinder | Manjit | Ravi | Sandeep | Inderjit',
    ),
    surnames: words(
      'Singh | Kaur | Sandhu | Dhillon | Gill | Grewal | Sidhu | Brar | Patel | Sharma | Gupta | Malhotra | Bains | Chahal | Virk',
    ),
  },
  {
    key: 'russian',
    weight: 8,
    language: 'ru',
    share: 0.45,
    female: words(
      'Olga | Tatiana | Natalia | Elena | Irina | Svetlana | Galina | Lyudmila | Anastasia | Yulia | Marina | Valentina | Nadezhda | Larisa | Raisa',
    ),
    male: words(
      'Sergei | Alexander | Dmitri | Vladimir | Mikhail | Andrei | Igor | Boris | Yuri | Nikolai | Pavel | Oleg | Leonid | Arkady | Ilya',
    ),
    surnames: words(
      'Ivanov | Smirnova | Kuznetsov | Popova | Sokolov | Lebedeva | Kozlov | Novikova | Morozov | Petrova | Volkov | Solovyova | Vasiliev | Zaitseva | Pavlov | Rabinovich | Kogan | Shapiro | Gurevich | Levin',
    ),
  },
  {
    key: 'filipino',
    weight: 5,
    language: 'tl',
    share: 0.2,
    female: words(
      'Maria Cristina | Rosario | Lourdes | Teresita | Corazon | Marites | Jocelyn | Rowena | Imelda | Erlinda | Ligaya | Analyn',
    ),
    male: words(
      'Jose | Rodrigo | Ramon | Eduardo | Danilo | Ernesto | Rolando | Romeo | Jun | Reynaldo | Arnel | Bienvenido',
    ),
    surnames: words(
      'Santos | Reyes | Cruz | Bautista | Ocampo | Garcia | Mendoza | Torres | Villanueva | Ramos | Aquino | Dela Cruz | Castillo | Manalo | Pascual',
    ),
  },
  {
    key: 'portuguese',
    weight: 4,
    language: 'pt',
    share: 0.3,
    female: words(
      'Maria | Ana | Fátima | Conceição | Graça | Isabel | Lurdes | Rosa | Manuela | Beatriz',
    ),
    male: words(
      'João | José | Manuel | António | Fernando | Carlos | Paulo | Luís | Joaquim | Rui',
    ),
    surnames: words(
      'Silva | Santos | Ferreira | Pereira | Oliveira | Costa | Rodrigues | Martins | Sousa | Fernandes | Gonçalves | Medeiros | Rego | Furtado',
    ),
  },
  {
    key: 'spanish',
    weight: 4,
    language: 'es',
    share: 0.35,
    female: words(
      'Carmen | María José | Lucía | Guadalupe | Rosa | Ana | Isabel | Marisol | Valentina | Camila',
    ),
    male: words(
      'José Luis | Juan | Carlos | Miguel | Alejandro | Javier | Luis | Andrés | Diego | Mateo',
    ),
    surnames: words(
      'García | Rodríguez | Martínez | Hernández | López | González | Pérez | Sánchez | Ramírez | Flores | Gómez | Díaz | Moreno | Álvarez',
    ),
  },
  {
    key: 'persian',
    weight: 4,
    language: 'fa',
    share: 0.35,
    female: words(
      'Maryam | Fatemeh | Zahra | Shirin | Parisa | Leila | Nasrin | Roya | Mahnaz | Azadeh',
    ),
    male: words(
      'Ali | Reza | Mohammad | Hossein | Mehdi | Amir | Dariush | Kourosh | Babak | Farhad',
    ),
    surnames: words(
      'Hosseini | Mohammadi | Rezaei | Ahmadi | Karimi | Moradi | Jafari | Tehrani | Rahimi | Sadeghi | Kazemi | Farahani',
    ),
  },
  {
    key: 'korean',
    weight: 3,
    language: 'ko',
    share: 0.4,
    female: words(
      'Min-ji | Seo-yeon | Ji-woo | Young-hee | Soon-ja | Mi-kyung | Eun-ji | Hye-jin | Jung-sook',
    ),
    male: words(
      'Min-jun | Seo-jun | Ji-ho | Young-soo | Sung-min | Jae-hyun | Dong-hyun | Kwang-soo | Chul-soo',
    ),
    surnames: words('Kim | Lee | Park | Choi | Jung | Kang | Cho | Yoon | Jang | Lim | Han | Shin'),
  },
  {
    key: 'french',
    weight: 3,
    language: 'fr',
    share: 0.7,
    female: words(
      'Élise | Geneviève | Marie-Claude | Sylvie | Josée | Chantal | Nathalie | Hélène | Françoise | Céline',
    ),
    male: words(
      'François | André | Jean-Guy | Pierre | Michel | Réjean | Luc | Gilles | Benoît | Stéphane',
    ),
    surnames: words(
      'Tremblay | Gagnon | Roy | Côté | Bouchard | Gauthier | Morin | Lavoie | Fortin | Gagné | Bélanger | Lévesque | Pelletier | Bergeron',
    ),
  },
  {
    key: 'greek',
    weight: 2,
    language: 'el',
    share: 0.3,
    female: words('Eleni | Maria | Georgia | Despina | Sophia | Vasiliki | Katerina | Panagiota'),
    male: words(
      'Georgios | Konstantinos | Dimitrios | Nikolaos | Ioannis | Vasilis | Christos | Spyros',
    ),
    surnames: words(
      'Papadopoulos | Georgiou | Dimitriou | Nikolaidis | Karagiannis | Vlachos | Pappas | Christodoulou',
    ),
  },
];

/** Names English-speaking friends and staff use, for the "other names" (preferred name) field. */
export const PREFERRED_NAMES: { female: readonly string[]; male: readonly string[] } = {
  female: words('Annie | Grace | Lily | Vivian | Cathy | Sunny | Jenny | Connie | Rosie | Tina'),
  male: words('Joe | Tony | Frank | Sam | Peter | Kevin | Eddie | Johnny | Danny | Alex'),
};
