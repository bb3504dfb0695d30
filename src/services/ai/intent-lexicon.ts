import type { BuiltInLanguage, Intent } from './types.ts';

/**
 * What customers write when they mean each intent, per language. Cues are compared after
 * `normalise`, so write them with their proper diacritics: "atvērt*" also matches "atverti".
 *
 *   word       that word; longer words also with a typo or two ("close" matches "clsoe")
 *   stem*      a word starting with stem, for inflections ("работа*": работаете, работает)
 *   *part*     a word containing part, for German compounds ("*rabatt*": Studentenrabatt)
 *   *end       a word ending in end
 *   a|b        either word, in any position of a cue ("speak|talk + boss|manager")
 *   a b        these words one after another
 *   a + b      all of these somewhere in the message, in any order
 *   =a b       the whole message is exactly this (give or take "please" and the like)
 *
 * A `strong` cue on its own decides the intent; a `weak` one only tips the balance, or decides
 * when it is the whole message ("where?"). Short Latin stems are the risky ones: "satur*"
 * (Latvian "contains") would also match "saturday", so such words are listed whole.
 */
export interface IntentCues {
  strong?: readonly string[];
  weak?: readonly string[];
}

export type IntentLexicon = Record<Intent, Partial<Record<BuiltInLanguage, IntentCues>>>;

export const INTENT_LEXICON: IntentLexicon = {
  GREETING: {
    en: {
      strong: ['hi', 'hello', 'hey', 'heya', 'hiya', 'howdy', 'greetings', 'good morning|afternoon|evening|day', 'hi|hey|hello there|all|everyone'],
      weak: ['morning', 'afternoon', 'evening', 'anyone|anybody there', 'is anyone', 'you there'],
    },
    lv: {
      strong: ['labdien', 'sveiki', 'sveika', 'sveiks', 'sveicināti', 'čau', 'čaw', 'čauks', 'labrīt', 'labvakar', 'labu dienu', 'labs vakars|rīts'],
      weak: ['vai kāds ir', 'ir kāds', 'kāds te ir'],
    },
    ru: {
      strong: [
        'здравствуй*', 'здраствуй*', 'здрасте', 'здрасьте', 'привет*', 'приветствую', 'добрый день|вечер', 'доброе утро',
        'доброго дня|утра|вечера', 'доброй ночи', 'салют', 'хай', 'приветик*', 'privet', 'zdravstvuyte|zdravstvujte|zdrastvuyte',
        'dobryy|dobryj|dobriy den',
      ],
      weak: ['есть кто', 'кто нибудь'],
    },
    de: {
      strong: ['hallo', 'hallöchen', 'guten tag|morgen|abend', 'moin', 'servus', 'grüß gott|dich|euch', 'grüezi', 'hi|hallo|hey zusammen'],
      weak: ['ist da jemand', 'jemand da'],
    },
  },

  THANKS: {
    en: {
      strong: ['thanks', 'thank', 'thank u', 'thx', 'thanx', 'tnx', 'ty', 'tysm', 'cheers', 'appreciate it', 'appreciated', 'much appreciated', 'many thanks'],
      weak: ['great', 'perfect', 'awesome', 'lovely', 'brilliant', 'helpful'],
    },
    lv: {
      strong: ['paldies', 'paldis', 'pateicos', 'liels paldies'],
      weak: ['super', 'lieliski', 'forši', 'viss skaidrs', 'noderīg*', 'jauki'],
    },
    ru: {
      strong: ['спасибо', 'спасиба', 'спасибки', 'спс', 'пасиб*', 'благодар*', 'мерси', 'spasibo', 'spasiba'],
      weak: ['отлично', 'супер', 'класс'],
    },
    de: {
      strong: ['danke', 'dankeschön', 'dank', 'merci'],
      weak: ['super', 'prima', 'toll', 'hilfreich', 'klasse', 'perfekt'],
    },
  },

  OPT_OUT: {
    en: {
      strong: [
        '=stop', '=stop all', '=end', 'unsubscribe', 'opt out', 'optout',
        'stop + messag*|sending|text*|contacting|calling|promo*|spam*|writing|bothering',
        'dont message|text|contact|email|write me', 'do not message|text|contact|email|write me',
        'remove me from your', 'remove me from + list', 'remove my number', 'take me off + list',
        'no|any more messages|promos|texts|sms', 'leave me alone', 'unsubscribe me',
        'dont|never send|text|message|contact me + anymore|again|offers|promos|messages|ads', 'no more + offers|marketing|ads|newsletters',
      ],
    },
    lv: {
      strong: [
        '=stop', 'atrakstīt*', 'atsakos no ziņām', 'nesūt*|nerakst* + vairs', 'vairs + reklām*|sūtīt|rakstīt|saņemt',
        'pārtrauc*|beidziet + sūtīt|rakstīt|ziņ*', 'izņem*|izdzēs*|dzēs* + mani|manu numur*', 'no saraksta', 'nevēlos saņemt',
        'atrakstiet mani', 'īsziņ* + vairs', 'atteikt*|atsakos + ziņ*|reklām*|piedāvājum*|īsziņ*',
      ],
    },
    ru: {
      strong: [
        '=стоп', 'отписат*', 'отпиш*', 'отписк*', 'не пишите', 'не пиши мне', 'больше не пиш*|присыл*|отправля*|шлите',
        'не присылайте + мне|сообщени*|смс|реклам*|рассылк*|больше', 'перестаньте|прекратите + писать|присылать|слать|отправлять|спам*', 'удалите|уберите|исключите + меня|номер',
        'из рассылки', 'не хочу получать', 'otpisatsya', 'отказат*|отказываюсь + сообщени*|рассылк*|реклам*|смс',
      ],
    },
    de: {
      strong: [
        '=stopp', '=stop', 'abmelden', 'abbestellen', 'austragen', 'keine nachrichten|werbung|newsletter|sms',
        'meldet|melden + mich + ab', 'lösch* + mich|nummer', 'schick*|send* + keine + mehr',
        'nicht mehr + schreib*|kontaktier*|anschreib*', 'hört|hören|aufhören + schreib*|schick*|send*|nachricht*',
        'entfernen sie mich', 'nehmt|nehmen + mich + liste', 'verteiler',
      ],
    },
  },

  HUMAN_HANDOFF: {
    en: {
      strong: [
        '=agent', 'human', 'real|live|actual person',
        'speak|talk|chat + someone|somebody|person|human|manager|boss|owner|supervisor|agent|staff|employee|representative|reception|receptionist',
        'someone + on the phone', 'put me through', 'get someone', 'speak|talk + directly', 'staff member',
        'owner|manager|someone|somebody|staff + call me|message me', 'need a person|human', 'bot + not helping|isnt helping|useless',
        'get me a|an person|human|manager|agent', 'someone i can call', 'call me back', 'not a bot|robot', '=operator|supervisor',
      ],
      weak: ['bot', 'robot', 'manager', 'someone', 'boss', 'connect me', 'customer service', 'representative', 'operator', 'supervisor'],
    },
    lv: {
      strong: [
        '=operators|cilvēks|darbinieks', 'runāt*|jārunā|parunāt*|sazinā* + cilvēk*|darbiniek*|vadītāj*|menedžer*|operator*|konsultant*|kād*|reģistratūr*|administrator*',
        'pa telefonu + parunāt*|runāt*', 'runā* + tieši', 'vajag cilvēku', 'darbiniek*|īpašniek*|vadītāj* + uzrakst*|piezvan*|sazin*',
        'bots + nepalīdz',
        'dzīv* cilvēk*', 'operator*', 'savienojiet', 'savienot ar', 'pasauciet', 'man|kāds + piezvan*|atzvan*', 'ar cilvēku',
        'ne ar robotu|botu',
      ],
      weak: ['robot*', 'bots', 'botu', 'botam', 'cilvēk*', 'vadītāj*', 'menedžer*'],
    },
    ru: {
      strong: [
        'оператор*', 'жив* + человек*', 'с человеком', '=менеджер*|администратор*|начальник*',
        '*говор*|связат*|соедин*|пообщат*|позов*|позвать + сотрудник*|человек*|кем|ресепшен*|администр*|менеджер*|начальник*|руководител*|управляющ*',
        'по телефону + *говор*', '*говор* + напрямую', 'нужен человек',
        'сотрудник*|владел*|менеджер* + написать|позвонить|позвонил*', 'бот + не помогает', 'соедини*', 'позовите', 'перезвон*', 'не с ботом', 'живым',
      ],
      weak: ['бот', 'бота', 'ботом', 'боту', 'человек*', 'сотрудник*', 'менеджер*', 'начальник*', 'руководител*', 'администратор*'],
    },
    de: {
      strong: [
        '=mitarbeiter', '=mitarbeiter bitte',
        'sprech*|reden|verbind*|telefonier* + mitarbeiter*|mensch*|chef*|vorgesetzt*|jemand*|kollege*|geschäftsführ*|inhaber*|berater*|manager*|rezeption',
        'telefonisch + jemand|beraten', 'sprech* + direkt', 'brauche + mensch*', 'mitarbeiter*|inhaber*|chef + schreib*|anruf*',
        'bot + hilft nicht',
        'echten menschen', 'echter mensch', 'verbinden sie mich', 'mit dem chef', 'ansprechpartner*', 'jemand + anruf*|zurückruf*',
        'rückruf', 'zurückrufen', 'kein bot', 'nicht mit einem bot',
      ],
      weak: ['bot', 'chef', 'mensch*', 'vorgesetzt*'],
    },
  },

  COMPLAINT: {
    en: {
      strong: [
        'terrible', 'worst', 'disgusting', 'awful', 'horrible', 'horrendous', 'appalling', 'dreadful', 'unacceptable', 'rude',
        'disappoint*', 'ruin*', 'never again', 'never coming back', 'complain*', 'want a refund', 'ridiculous', 'pathetic',
        'furious', 'useless', 'thank you for nothing', 'thanks for nothing', 'nobody answered', 'no one answered', 'unprofessional', 'shameful',
        'bad|poor|lousy service', 'lousy', 'scam', 'outrageous', 'wtf', 'unhappy', 'not happy', 'a joke', 'rubbish', 'garbage',
        'inedible', 'filthy', 'fed up', 'sick of', 'shocking', 'nightmare', 'waste of', 'annoyed', 'frustrat*', 'angry', 'upset',
        'overpriced', 'burnt', 'mistreat*', 'never received', 'still nothing', 'still not', 'still no', 'dirty', 'not acceptable',
        'nobody|noone cares', 'no one cares', 'scratched', 'damaged my', 'dead on arrival', 'smelled|smelly|stank',
      ],
      weak: ['still waiting', 'been waiting', 'waiting for', 'its been', 'cold', 'bad', 'poor', 'treated', 'weeks', 'still', 'times'],
    },
    lv: {
      strong: [
        'šausmīg*', 'briesmīg*', 'pretīg*', 'riebīg*', 'draņķīg*', 'sūdzīb*', 'neapmierināt*', 'nekad vairs', 'rupj*',
        'nauda|naudu atpakaļ', 'kauns', 'nekaunīg*', 'nepieņemam*', 'vilšanās', 'vīlies', 'vīlusies', 'neatvainoj*',
        'sliktāk*', 'sarūgtināt*', 'dusmīg*', 'piedeg*', 'katastrof*', 'murgs', 'ņirgāš*', 'nolaidīg*', 'nekvalitatīv*',
        'netīr*', 'smird*', 'nerūp', 'saskrāpē*', 'sabojā*', 'vīlos', 'novīt*',
      ],
      weak: ['gaid*', 'nokavēj*', 'auksts', 'slikt*', 'joprojām', 'nekas', 'attieksm*'],
    },
    ru: {
      strong: [
        'ужас*', 'безобраз*', 'отврат*', 'жалоб*', 'недовол*', 'больше никогда', 'хам*', 'верните деньги', 'позор*', 'кошмар*',
        'разочаров*', 'возмут*', 'не извин*', 'мерзк*', 'худш*', 'расстро*', 'обидн*', 'подгорел*', 'пригорел*', 'недопустим*',
        'нагл*', 'обман*', 'издевательств*', 'неприемлем*', 'безответствен*', 'отстой', 'халтур*', 'бардак', 'грязн*',
        'воня*', 'плевать', 'поцарап*', 'испорти*', 'увядш*',
      ],
      weak: ['жду', 'ждем', 'опоздал*', 'холодн*', 'плох*', 'до сих пор', 'ничего'],
    },
    de: {
      strong: [
        'schrecklich*', 'furchtbar*', 'katastroph*', 'beschwer*', 'frechheit', 'unverschämt*', 'enttäusch*', 'nie wieder',
        'unhöflich*', 'unmöglich', 'geld zurück', 'ekelhaft*', 'skandal*', 'unzumutbar*', 'schlechteste*', 'verärgert',
        'ärgerlich', 'verbrannt', 'unfreundlich*', 'miserabel', 'mies', 'zumutung', 'abzocke', 'inakzeptabel', 'widerlich',
        'eklig', 'grauenhaft', 'peinlich', 'sauerei', 'unzufrieden*', 'schmutzig', 'dreckig', 'zerkratzt', 'verwelkt',
        'interessiert + kein*|niemand*', 'stinkt',
      ],
      weak: ['warte|warten seit', 'zu spät', 'kalt', 'sauer', 'schlecht*', 'immer noch', 'nichts'],
    },
  },

  HOURS: {
    en: {
      strong: [
        'opening hours|times', 'business|working hours', 'what time + open*|clos*|close', 'when + open*|clos*|close',
        'are you open', 'you open', 'still open', 'open* + today|tomorrow|tonight|now|late|early|*day|*days|weekend*|holiday*',
        'open on', 'until|till when', 'closed', 'closing', 'close + time', 'your hours', 'hours + weekend*|*day|*days',
        'open till|until', 'shut', 'open 24', '24 7', 'round the clock', 'what time + shut*',
      ],
      weak: ['open*', 'close', 'hours', 'what time', 'late'],
    },
    lv: {
      strong: [
        'darba laik*', 'darbalaik*', 'atvērt*', 'atver*', 'strādāj*', 'slēdz*', 'slēgt*', 'līdz cikiem', 'cikos + strād*|atver*|slēdz*',
        'vēl strādā', 'strādā + šodien|rīt|svētdien*|sestdien*', 'aizver*', 'diennakt*',
      ],
      weak: ['cikos', 'strādā', 'cik ilgi', 'brīvdien*'],
    },
    ru: {
      strong: [
        'график', 'режим', 'часы работы', 'время работы', 'вы работаете', 'работаете', 'работаите', 'открыва*', 'открыт*',
        'закрыва*', 'закрыт*', 'до скольки', 'еще|сегодня|завтра работ*', 'otkryv*', 'rabotaete', 'grafik', 'круглосуточн*',
        'до которого|какого часа',
      ],
      weak: ['во сколько', 'работает', 'когда', 'kogda', 'выходн*'],
    },
    de: {
      strong: [
        'öffnungszeit*', '*öffnungszeit*', 'geöffnet', 'offen', 'öffnet', 'öffnen', 'macht + zu|auf', 'schließ*', 'geschlossen',
        'bis wann', 'haben|habt|hat + auf', 'zeiten', 'uhrzeit*', 'rund um die uhr', 'bis wie viel|wieviel uhr',
      ],
      weak: ['wann', 'uhr', 'wochenende'],
    },
  },

  LOCATION: {
    en: {
      strong: [
        'where are you', 'where r u', 'where is your', 'where + located', 'located', 'location', 'address', 'directions',
        'how do i get', 'how to get', 'get to you|your', 'parking', 'park', 'find you', 'entrance', 'which|what floor|street',
        'bus|tram|metro stop', 'near', 'nearest', 'close to you', 'map', 'maps', 'how far', 'far from', 'postcode', 'zip code',
        'where exactly',
      ],
      weak: ['where', 'were', 'floor', 'exactly', 'street', 'nearby', 'pin'],
    },
    lv: {
      strong: [
        'atrodaties', 'atrodas', 'adres*', 'nokļūt', 'lokācij*', 'stāvviet*', 'stāvā', 'ieeja', 'ieeju', 'kur jūs', 'kā atrast',
        'kā tikt', 'tikt līdz', 'novietot', 'kurā ielā', 'cik tālu', 'tālu no', 'atrašanās viet*', 'netālu', 'tuvāk*', 'pietur*',
        'kur tieši', 'iebrauk*',
      ],
      weak: ['kur', 'tuvumā', 'stacij*', 'iela*', 'transport*'],
    },
    ru: {
      strong: [
        'находитесь', 'наход*', 'адрес*', 'адресс', 'доехать', 'добраться', 'проехать', 'парковк*', 'припарков*', 'где вы',
        'геолокац*', 'локац*', 'этаж*', 'вход', 'как пройти|найти', 'найти вас', 'далеко', 'какая улица', 'на карте', 'gde vy', 'adres',
        'рядом с', 'ближайш*', 'остановк*', 'въезд*', 'где точно',
      ],
      weak: ['где', 'рядом', 'gde', 'улиц*'],
    },
    de: {
      strong: [
        'wo befind*', 'wo seid ihr', 'wo sind sie|ihr', 'wo + finde', 'adresse', 'standort', 'komme ich', 'anfahrt', 'parkplatz*',
        'parkplätz*', 'parken', 'eingang', 'welchem stock', 'wegbeschreibung', 'wie weit', 'entfernt', 'welche straße',
        'finde + euch|sie', 'wo genau', 'nähe', '*haltestelle', 'einfahrt', 'nächste + *stelle|*bahn*',
      ],
      weak: ['wo', 'in der nähe', 'stock', 'straße'],
    },
  },

  PRICING: {
    en: {
      strong: [
        'how much', 'hw much', 'price*', 'pricing', 'cost*', 'discount*', 'fee', 'fees', 'rates', 'expensive', 'cheap*',
        'charge for', 'free delivery|shipping', 'delivery|shipping + free', 'for free', 'free of charge', 'is it free',
        'deal', 'deals', 'offers', 'promotion*', 'special offer*', 'would + cost',
      ],
      weak: ['much', 'free'],
    },
    lv: {
      strong: [
        'cik + maks*|izmaks*', 'izmaksā*', 'izmaksas', 'cena', 'cenas', 'cenu', 'cenām', 'cenrād*', 'atlaid*', 'dārg*', 'lēts',
        'lēta', 'lēti', 'lētāk*', 'bez maksas', 'bezmaksas', 'par brīvu', 'maksa', 'piedāvājum*', 'akcij*',
      ],
      weak: ['maksā', 'cik'],
    },
    ru: {
      strong: [
        'сколько + стоит|стоить|стоят|будет', 'скока', 'стоимост*', 'цена', 'цены', 'цену', 'ценам', 'ценник*', 'расцен*',
        'прайс*', 'почем', 'по чем', 'скидк*', 'дорого', 'дороговат*', 'дешев*', 'бесплатн*', 'skolko + stoit', 'tsena', 'cena',
        'обойд*', 'акци*', 'предложени*', 'абонентская плата',
      ],
      weak: ['стоит', 'сколько', 'skolko'],
    },
    de: {
      strong: [
        'kostet', 'kosten', 'was kost*', 'preis*', '*preis', '*preise', 'wie teuer', 'teuer', '*rabatt*', 'günstig*', 'gebühr',
        'gebühren', 'kostenlos', 'kostenfrei', 'gratis', 'umsonst', 'wie viel', 'wieviel', '*beitrag', 'angebot*', 'wie hoch',
      ],
      weak: ['kost*'],
    },
  },

  PRODUCT_INFO: {
    en: {
      strong: [
        'in stock', 'stock', 'vegan', 'vegetarian', 'gluten*', 'contain*', 'ingredient*', 'allergen*', 'allerg*', 'size*', 'colour*',
        'color*', 'flavour*', 'flavor*', 'available', 'battery', 'warranty', 'options', 'menu', 'made of|from|with', 'lactose',
        'dairy', 'halal', 'kosher', 'nuts', 'nut|dairy|sugar|lactose|egg|alcohol free', 'do you sell|stock|carry', 'do you have',
        'do you guys have', 'have you got', 'gift card*', 'specs', 'spicy', 'organic', 'homemade', 'material', 'does it come',
        'what kind|type|types', 'come with', 'brand', 'brands', 'accessib*', 'wheelchair', 'include*',
      ],
      weak: ['is it', 'does it', 'black', 'white', 'red', 'blue', 'green', 'pink', 'grey', 'gray', 'fresh'],
    },
    lv: {
      strong: [
        'pieejam*', '*glutēn*', 'vegān*', 'veģetār*', 'satur', 'saturs', 'satura', 'sastāv*', 'izmēr*', 'krās*', 'garša', 'garšas',
        'garšu', 'garantij*', 'pārdod*', 'noliktav*', 'ēdienkart*', 'menu', 'riekst*', 'laktoz*', 'dāvanu kart*', 'vai jums ir',
        'asa', 'asi', 'pikant*', 'materiāl*', 'bez cukura|glutēna|laktozes|riekstiem|gaļas', 'svaig*', 'firmas', 'zīmol*',
        'piemērot*', 'ietilpst', 'iekļaut*',
      ],
      weak: ['vai + ir', 'melns', 'melna', 'balts', 'balta', 'sarkan*', 'zil*', 'zaļ*'],
    },
    ru: {
      strong: [
        'наличие', 'наличии', '*глютен*', 'веган*', 'вегетариан*', 'состав*', 'размер*', 'цвет*', 'вкус', 'вкусы', 'вкусов', 'вкусом',
        'гаранти*', 'прода*', 'орех*', 'аллерг*', 'меню', 'подарочн*', 'лактоз*', 'содерж*', 'остр*', 'из чего', 'у вас есть',
        'бывает', 'без сахара|глютена|лактозы|орехов|мяса', 'материал*', 'модел*', 'марки', 'марка', 'подходит', 'входит',
      ],
      weak: ['есть ли', 'есть', 'черн*', 'бел*', 'красн*', 'синий', 'синяя', 'синее', 'зелен*'],
    },
    de: {
      strong: [
        '*glutenfrei*', 'vegan*', 'vegetar*', '*zutat*', 'größe', 'größen', 'farbe*', 'vorrätig', 'verfügbar', '*sorten', 'nüsse',
        'garantie*', 'verkauf*', 'gutschein*', 'allergen*', 'allergie*', 'laktose*', 'speisekarte', 'enthält', 'auf lager', 'scharf',
        '*frei', 'habt ihr', 'haben sie', 'gibt es', 'material*', 'bio', 'marke', '*marke', 'geeignet', '*gerecht', 'inklusive',
      ],
      weak: ['schwarz', 'weiß', 'rot', 'blau', 'grün'],
    },
  },

  RESERVATION: {
    en: {
      strong: [
        'book*', 'reserv*', 'table', 'appointment*', 'slot', 'slots', 'reschedule', 'reservation', 'move our|my', 'free slot*',
        'cancel my booking', 'availability', 'squeeze|fit me in', 'rent*', 'hire', 'nights', 'room for', 'sign me up',
        'put me down', 'check in',
      ],
      weak: ['available', 'tonight', 'people', 'guests', 'party of'],
    },
    lv: {
      strong: [
        'rezerv*', 'galdiņ*', 'galdu', 'galds', 'pierakst*', 'pieteik*', 'brīvs laiks', 'brīv* + laik*|gald*|viet*', 'vizīt*',
        'pārcelt*', 'pārceļ*', 'īrē*', 'noīrē*', 'naktīm', 'naktis', 'pierakstiet',
      ],
      weak: ['personām', 'cilvēkiem'],
    },
    ru: {
      strong: [
        'брон*', 'забронир*', 'запис*', 'столик*', 'стол на', 'свободн* + время|столик*|место|места|окошк*', 'перенести', 'перенес*',
        'zabronir*', 'bron*', 'stolik*', 'zapisat*', 'запиш*', 'аренд*', 'номер на', 'на + ночи|ночь|суток',
      ],
      weak: ['человек', 'на двоих|троих|четверых'],
    },
    de: {
      strong: [
        'reservier*', 'tisch*', 'termin*', 'buchen', 'gebucht', 'buchung*', 'verschieb*', 'verleg*', 'platz für', 'noch + frei',
        'zimmer', 'nächte', 'miet*', 'tragt|tragen + ein', 'eintragen',
      ],
      weak: ['frei', 'personen'],
    },
  },

  ORDER: {
    en: {
      strong: [
        'my order', 'to order', 'an order', 'place an order', 'ordered', 'order + online', 'to go', 'pickup', 'pick up', 'takeaway',
        'take away', 'shipped', 'shipping', 'tracking', 'ill have|take', 'deliver|delivered|delivering', 'parcel', 'package', 'dispatch*',
        'send|sent out', 'order', 'order + status',
      ],
      weak: ['order*', 'delivery', 'collection', 'can i get', 'id like', 'prescription*'],
    },
    lv: {
      strong: ['pasūt*', 'līdzņemšan*', 'izsūtīt*', 'paņemšu', 'ņemšu', 'piegād* + uz', 'piegādāt*', 'atvest', 'atvediet', 'sūtījum*', 'paciņ*'],
      weak: ['piegād*', 'recept*', 'saņemšan*'],
    },
    ru: {
      strong: ['заказ*', 'самовывоз*', 'возьму', 'с собой', 'отправил*', 'zakaz*', 'привез*', 'доставить', 'доставьте', 'посылк*', 'курьер*'],
      weak: ['доставк*', 'отправ*', 'рецепт*', 'выдач*'],
    },
    de: {
      strong: [
        'bestell*', 'abholung', 'abholen', 'zum mitnehmen', 'ich nehme', 'verschickt', 'versand*', 'liefern', 'paket*', '*geschickt',
        'versendet', 'auftrag*',
      ],
      weak: ['liefer*', 'rezept*'],
    },
  },

  SUPPORT: {
    en: {
      strong: [
        'not working', 'stopped working', 'doesnt|dont|wont|isnt|didnt work*', 'broken', 'broke', 'damaged', 'cant log in', 'log in',
        'login', 'password', 'crash*', 'reset', 'set up', 'setting up', 'setup', 'return', 'exchange',
        'wont charge|open|start|connect', 'wont turn on', 'error', 'faulty', 'defect*', 'repair', 'fix', 'not turning on',
        'how do i use|install|connect', 'install*', 'stuck', 'glitch*', 'stopped + *ing', 'keeps + *ing', 'came|fell off',
        'connect*', 'wifi', 'wi fi',
      ],
      weak: ['help', 'problem', 'issue', 'what should|can i do'],
    },
    lv: {
      strong: [
        'nedarbojas', 'nedarbojās', 'pārstāja darboties', 'darboties', 'nestrādā', 'bojāt*', 'salūz*', 'salauz*', 'saplīs*', 'ielogo*',
        'pieslēg*', 'parol*', 'uzstādī*', 'iestatī*', 'atgriez* + prec*', 'apmainīt', 'kļūda', 'remont*', 'neieslēdzas', 'neiet',
        'kā lietot', 'neatver*', 'nokrit*', 'wifi', 'internet*', 'vairs + nedarb*|neatver*|nestrād*',
      ],
      weak: ['palīdz*', 'problēm*', 'ko darīt', 'ko man darīt'],
    },
    ru: {
      strong: [
        'не работает', 'перестал* работать', 'сломал*', 'сломан*', 'поврежд*', 'разбит*', 'войти', 'логин', 'парол*', 'настро*',
        'вернуть + товар', 'возврат*', 'ошибк*', 'не включается', 'не заряжается', 'не открывается', 'ремонт*', 'обмен*', 'глючит',
        'завис*', 'как пользоваться', 'не могу + войти|зайти', 'перестал*', 'слетел*', 'отвалил*', 'подключ*', 'вайфа*', 'wifi',
      ],
      weak: ['помоги*', 'помочь', 'помощ*', 'проблем*', 'что + делать'],
    },
    de: {
      strong: [
        'funktioniert + nicht', 'kaputt*', 'beschädigt', 'einlogg*', 'passwort', 'zurücksetzen', 'einricht*', 'zurückgeben',
        'umtausch*', 'umtauschen', 'geht nicht', 'fehler*', 'defekt', 'reparatur*', 'zurückschicken', 'reklamation', 'lädt nicht',
        'startet nicht', 'anleitung', 'nicht mehr + öffnet|geht|funktioniert|lädt', 'abgesprungen', 'wlan', 'verbindung',
        'komme nicht + ins|rein',
      ],
      weak: ['hilfe', 'helfen', 'problem*', 'was tun', 'was soll|kann ich tun|machen'],
    },
  },

  BILLING: {
    en: {
      strong: [
        'invoice*', 'billing', 'was|been charged', 'charged twice|me', 'double charged', 'receipt*', 'refund', 'payment*',
        'pay + card|cash|transfer|invoice', 'pay with|by', 'bank transfer', 'revolut', 'apple|google pay', 'paypal', 'vat',
        'overcharged', 'my|the bill', 'cash', 'take|accept + card*|cash', 'took + money|payment', 'paid twice', 'charged',
        'deposit', 'pay + online|upfront|advance|desk|reception|later',
      ],
      weak: ['pay', 'card', 'amount', 'money', 'paid'],
    },
    lv: {
      strong: [
        'rēķin*', 'maksāt + kart*', 'maksāt ar', 'samaks*', 'pārskaitījum*', 'čeks', 'čeku', 'noņēma|noņēmāt + naud*|maksājum*',
        'atmaks*', 'norēķin*', 'apmaks*', 'nauda + atgriez*', 'summa', 'maksājum*', 'skaidr* naud*', 'ar karti',
        'pieņemat + kart*|skaidr*', 'ieturēj*', 'depozīt*', 'maksāt', 'jāmaksā',
      ],
      weak: ['nauda', 'naudu', 'kart*'],
    },
    ru: {
      strong: [
        'счет', 'счета', 'счету', 'счете', 'счетом', 'списал*', 'списан*', 'списыва*', 'сняли + деньги|оплату', 'оплат*', 'картой',
        'чек', 'квитанц*', 'вернутся деньги', 'сумма', 'наличн*', 'налом', 'безнал*', 'взяли + плату|деньги', 'депозит*',
        'предоплат*', 'платить', 'заплат*',
      ],
      weak: ['деньги', 'перевод*', 'платеж*'],
    },
    de: {
      strong: [
        'rechnung*', 'abgebucht', 'abbuchung*', 'bezahl*', 'zahlen', 'zahlung*', 'überweis*', 'quittung*', 'beleg', 'betrag',
        'erstattung', 'paypal', 'mit karte', 'geld + zurück', 'bekomme + geld', 'bargeld', 'bar zahlen', 'abgezogen',
        'kartenzahlung', 'berechnet', 'anzahlung*', 'kaution', 'zahlt', 'zahle',
      ],
      weak: ['geld', 'karte'],
    },
  },

  /** Off-topic messages businesses commonly get; recognising them keeps them from looking like a weak match for something else. */
  OTHER: {
    en: { strong: ['hiring', 'job', 'jobs', 'vacancy', 'vacancies', 'internship', 'wrong number', 'weather'] },
    lv: { strong: ['vakanc*', 'vajag darbiniek*', 'kļūdījos numurā', 'nepareizs numurs', 'laiks ārā', 'laikapstākļ*'] },
    ru: { strong: ['на работу', 'ваканс*', 'ошиблись|ошибся|ошиблась номером', 'не туда', 'погод*'] },
    de: { strong: ['sucht ihr|suchen sie + mitarbeiter*', 'stellt ihr ein', 'job', 'falsche nummer', 'wetter', 'bewerb*', 'aushilfe'] },
  },
};

/**
 * Words that carry no intent of their own: a message made only of an intent's cues and these
 * ("hello there everyone!", "paldies lūdzu") is purely that intent.
 */
export const FILLER_WORDS: readonly string[] = [
  'please', 'pls', 'plz', 'so', 'much', 'a', 'lot', 'you', 'all', 'guys', 'everyone', 'again', 'very', 'and', 'oh',
  'lūdzu', 'ludzu', 'lugdzu', 'visiem', 'jums', 'liels', 'ļoti',
  'пожалуйста', 'пож', 'всем', 'вам', 'большое', 'очень',
  'bitte', 'euch', 'ihnen', 'allen', 'alle', 'zusammen', 'sehr', 'schön',
];
