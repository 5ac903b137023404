import { describe } from 'vitest';
import { board } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const deep = (text: string) => board([], [], { deep_dive: text });
const options = { first: ['persist', 'write to the database', 'store', 'save'], next: ['ack', 'acknowledge'] };

describe('notes-order', () => {
  testCheck('notes-order', {
    valid: [
      {
        name: '"A, then B"',
        board: deep('We persist the message, then ack the sender.'),
        options,
        evidence: { excerpts: ['persist'] },
      },
      { name: '"B only after A"', board: deep('The server acks only after the message is persisted.'), options },
      { name: '"Before B, A"', board: deep('Before acking, the server stores it in Cassandra.'), options },
      { name: 'inflections', board: deep('Acknowledged once stored in the DB.'), options },
      {
        name: '"Once A …, B": the connector opens the earlier event’s clause',
        board: deep('Once the message is stored in Cassandra, the server sends the sender an ack.'),
        options,
      },
      { name: '"A and B" with no connector tells them in order', board: deep('We persist the message and ack it.'), options },
      {
        name: 'the connector nearest the later event relates them',
        board: deep('The server acks as soon as the write succeeds, and before that it only validates.'),
        options: { first: ['write'], next: ['ack'] },
      },
      {
        name: '"When B, A has already happened": the clause saying "already" came first',
        board: deep('When the server acks, the message has already been stored in Cassandra.'),
        options,
      },
      {
        name: '"By the time B, A already"',
        board: deep('By the time the sender gets the ack, the message is already persisted.'),
        options,
      },
      {
        name: '"A already when B": "already" after the earlier event, before the connector',
        board: deep('The message is stored already when the ack goes out.'),
        options,
      },
      {
        name: '"A. Then B": a sentence opening with "then"',
        board: deep('We persist the message. Then we ack the sender.'),
        options,
      },
      { name: '"A; only then B"', board: deep('We write to the database; only then do we ack.'), options },
      {
        name: '"A. After that, B"',
        board: deep('The message is stored first. After that, the server sends the ack.'),
        options,
        evidence: { excerpts: ['stored'] },
      },
      { name: '"B. Before that, A"', board: deep('The server sends the ack. Before that, it persists the message.'), options },
      {
        name: 'the steps of a numbered list, in their order',
        board: deep('1. Client sends the message\n2. Server persists it\n3. Server acks the sender'),
        options,
      },
    ],
    invalid: [
      { name: '"B. Then A": the ack told first', board: deep('We ack the sender. Then we persist the message.'), options },
      {
        name: 'a numbered list that acks first',
        board: deep('1. Client sends the message\n2) Server acks\n3) Server persists it'),
        options,
      },
      {
        name: 'two sentences that merely follow one another order nothing',
        board: deep('We store messages in Cassandra. The ack goes over the socket.'),
        options,
        applicable: false,
      },
      {
        name: 'steps of two different lists order nothing',
        board: deep('Storage:\n1. Cassandra stores messages\n\nDelivery:\n1. ack over the socket'),
        options,
        applicable: false,
      },
      {
        name: 'a negated follow-on sentence says nothing',
        board: deep('We persist the message. Then we do not ack.'),
        options,
        applicable: false,
      },
      {
        name: '"B has already happened when A": already marks the ack as first',
        board: deep('The ack has already gone out when the message is stored.'),
        options,
      },
      { name: 'the reverse order', board: deep('We ack immediately and then persist asynchronously.'), options },
      { name: '"A after B"', board: deep('We persist after the ack is sent.'), options },
      { name: '"B and A": the ack comes first', board: deep('The server acks right away and persists it later.'), options },
      {
        name: '"When X, B and A": a clause before the comma orders nothing',
        board: deep('When a message comes in, we ack it and then store it.'),
        options,
      },
      {
        name: '"B as soon as X, before A": the "as soon as" is about X',
        board: deep('We ack as soon as the message arrives, before it is stored anywhere.'),
        options,
      },
      { name: 'a negated sentence says nothing', board: deep('We never persist after acking.'), options },
      { name: 'no sentence names both (not applicable)', board: deep('Messages go to Kafka.'), options, applicable: false },
      {
        name: 'another step than the rule’s',
        board: board([], [], { understand: 'Persist, then ack.' }),
        options,
        steps: ['deep_dive'],
        applicable: false,
      },
    ],
  });
});
