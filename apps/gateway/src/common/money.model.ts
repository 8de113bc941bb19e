import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An exact amount of money; amount is a decimal string, never a float.' })
export class Money {
  @Field({ description: 'Decimal amount, e.g. "0.4562".' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code.' })
  currency!: string;
}
